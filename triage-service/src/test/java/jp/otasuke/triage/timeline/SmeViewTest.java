package jp.otasuke.triage.timeline;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.Enums.Severity;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.infra.testing.TestServers;
import jp.otasuke.infra.testing.TestUsers;
import jp.otasuke.triage.Alerts;
import jp.otasuke.triage.Db;
import jp.otasuke.common.testing.EventTopics;
import jp.otasuke.triage.Soc;
import jp.otasuke.triage.incident.Incident;

/** An SME user (a real Keycloak user with its tenant_id claim) sees its own incidents only, in plain words. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "triage"))
class SmeViewTest {

    private final UUID osaka = UUID.randomUUID();
    private final UUID kyoto = UUID.randomUUID();

    @Test
    void anSmeUserSeesOnlyItsOwnIncidentsAndAnotherTenantsIdIsNotFound() {
        UUID ours = incident(osaka, "pc-osaka");
        UUID theirs = incident(kyoto, "pc-kyoto");
        Soc osakaUser = Soc.as(TestUsers.smeUser(TestServers.keycloak(), osaka));

        osakaUser.get("/api/v1/incidents").statusCode(200).body("items.id", equalTo(List.of(ours.toString())));
        osakaUser.request().queryParam("tenantId", kyoto).when().get("/api/v1/incidents").then()
                .body("items.id", equalTo(List.of(ours.toString())));
        osakaUser.get("/api/v1/incidents/{id}", theirs).statusCode(404).contentType("application/problem+json");
        osakaUser.get("/api/v1/incidents/{id}/timeline", theirs).statusCode(404);
        osakaUser.get("/api/v1/incidents/{id}/alerts", ours).statusCode(403);
        osakaUser.step(ours, "acknowledge").statusCode(403);
    }

    @Test
    void anSmeUserReadsPlainWordsAndOnlyWhatIsMeantForIt() {
        UUID id = incident(osaka, "pc-keiri");
        Soc soc = Soc.as("soc-1");
        soc.acknowledge(id).statusCode(200);
        soc.step(id, "comments", Map.of("text", "Hash matches Emotet loader; check lateral movement", "visibility", "INTERNAL"))
                .statusCode(201);
        soc.step(id, "comments", Map.of("text", "Please unplug PC-KEIRI from the network; we are on it.",
                "visibility", "CUSTOMER")).statusCode(201);

        Soc sme = Soc.as(TestUsers.smeUser(TestServers.keycloak(), osaka));
        sme.request().header("Accept-Language", "en").when().get("/api/v1/incidents/{id}", id).then().statusCode(200)
                .body("title", equalTo("Possible malware infection on pc-keiri"))
                .body("assignee", nullValue());
        sme.request().header("Accept-Language", "en-US,en;q=0.9").when().get("/api/v1/incidents/{id}/timeline", id).then()
                .statusCode(200)
                .body("$", hasSize(3))
                .body("visibility", everyItem(equalTo("CUSTOMER")))
                .body("actor", everyItem(nullValue()))
                .body("summary[1]", equalTo("A security analyst has taken charge of this."))
                .body("summary[2]", equalTo("Please unplug PC-KEIRI from the network; we are on it."))
                .body("summary", everyItem(not(containsString("Emotet"))));
        soc.get("/api/v1/incidents/{id}/timeline", id).body("$", hasSize(4));

        // an SME that asks for no language reads Japanese; the facts come as fields too
        sme.get("/api/v1/incidents/{id}", id).body("title", equalTo("マルウェア（ウイルス）に感染したおそれがあります（pc-keiri）"));
        sme.get("/api/v1/incidents/{id}/timeline", id)
                .body("summary[0]", equalTo("マルウェア（ウイルス）に感染したおそれがあります（pc-keiri）。検知して、調査を始めました。"))
                .body("summary[1]", equalTo("セキュリティ担当者が対応を始めました。"))
                .body("summary[2]", equalTo("Please unplug PC-KEIRI from the network; we are on it."))
                .body("facts[0].host", equalTo("pc-keiri"));
    }

    private UUID incident(UUID tenant, String host) {
        EventTopics.publish(Alerts.of(tenant).host(host).malware(Severity.HIGH));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.incidentsOf(tenant).size() == 1);
        return Db.read(() -> Incident.<Incident>find("tenantId", tenant).firstResult().id);
    }
}
