package jp.otasuke.triage.kpi;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.Severity;
import jp.otasuke.common.testing.EventTopics;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.triage.Alerts;
import jp.otasuke.triage.Db;
import jp.otasuke.triage.Soc;
import jp.otasuke.triage.incident.Incident;

/** The SOC's KPIs come from triage's database: times to acknowledge, SLA compliance, counts. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "triage"))
class KpisTest {

    private final Soc soc1 = Soc.as("soc-1");

    @Test
    void anAcknowledgedIncidentCountsInItsPrioritysTimesAndCompliance() {
        Instant from = Instant.now().minusSeconds(5);
        String host = "kpi-" + UUID.randomUUID();
        EventTopics.publish(Alerts.of(UUID.randomUUID()).host(host).alert(AlertCategory.RANSOMWARE, Severity.CRITICAL, "Locky"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.read(() -> Incident.count("correlationKey", "host:" + host) == 1));
        UUID id = Db.read(() -> Incident.<Incident>find("correlationKey", "host:" + host).firstResult().id);
        soc1.acknowledge(id).statusCode(200);

        soc1.request().queryParam("from", from.toString()).when().get("/api/v1/incidents/kpis").then().statusCode(200)
                .body("byPriority.find { it.priority == 'P1' }.acknowledged", greaterThanOrEqualTo(1))
                .body("byPriority.find { it.priority == 'P1' }.timeToAcknowledge.p50", notNullValue())
                .body("byPriority.find { it.priority == 'P1' }.slaMet", greaterThanOrEqualTo(1))
                .body("byCategory.key", hasItem("RANSOMWARE"));
    }

    @Test
    void aBadPeriodIsABadRequestNamingTheParameter() {
        soc1.get("/api/v1/incidents/kpis?from=yesterday").statusCode(400).body("errors[0].field", equalTo("from"));
        soc1.get("/api/v1/incidents/kpis?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z").statusCode(400)
                .body("errors[0].field", equalTo("from"));
        soc1.get("/api/v1/incidents/kpis?to=2026-13-01").statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void onlyTheSocSeesThem() {
        io.restassured.RestAssured.given().auth().oauth2(jp.otasuke.infra.testing.Tokens.forUser(
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class),
                "ops-admin")).when().get("/api/v1/incidents/kpis").then().statusCode(403);
    }
}
