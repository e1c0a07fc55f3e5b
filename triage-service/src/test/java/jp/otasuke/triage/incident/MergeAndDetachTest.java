package jp.otasuke.triage.incident;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.EventJson;
import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.Severity;
import jp.otasuke.common.events.IncidentUpdated;
import jp.otasuke.common.events.Topics;
import jp.otasuke.common.testing.EventTopics;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.triage.Alerts;
import jp.otasuke.triage.Db;
import jp.otasuke.triage.Soc;

/** Merging two incidents of a tenant, and detaching alerts back out (the undo), through the API. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "triage"))
class MergeAndDetachTest {

    private final UUID tenant = UUID.randomUUID();
    private final Soc soc1 = Soc.as("soc-1");

    @Test
    void mergingMovesTheAlertsAndLeavesTheOtherAsMergedOnBothTimelinesAndInAnEvent() throws Exception {
        String webHost = "web-" + UUID.randomUUID();
        String dbHost = "db-" + UUID.randomUUID();
        UUID web = incident(webHost, AlertCategory.INTRUSION, Severity.HIGH, 2);
        UUID db = incident(dbHost, AlertCategory.INTRUSION, Severity.CRITICAL, 1);

        soc1.step(web, "merge", Map.of("incidentId", db.toString())).statusCode(200)
                .body("alertCount", equalTo(3)).body("hosts", equalTo(List.of(webHost, dbHost)))
                .body("priority", equalTo("P1")).body("title", equalTo("Alert on " + dbHost));
        soc1.get("/api/v1/incidents/{id}", db).body("status", equalTo("MERGED")).body("mergedInto", equalTo(web.toString()))
                .body("alertCount", equalTo(0));
        soc1.get("/api/v1/incidents/{id}/alerts", web).body("items.size()", equalTo(3));
        soc1.get("/api/v1/incidents/{id}/timeline", web).body("type", hasItem("incident.merged-in"))
                // the other incident by its title, its id as a fact for a link, never an id in the words
                .body("find { it.type == 'incident.merged-in' }.summary", equalTo("Merged in \"Alert on " + dbHost
                        + "\" (now 3 alerts, P1)"))
                .body("find { it.type == 'incident.merged-in' }.facts.otherIncidentId", equalTo(db.toString()));
        soc1.request().header("Accept-Language", "ja").when().get("/api/v1/incidents/{id}/timeline", db).then()
                .body("find { it.type == 'incident.merged' }.summary", equalTo("「Alert on " + dbHost
                        + "」に統合しました。アラートはそちらに移りました"));
        soc1.get("/api/v1/incidents/{id}/timeline", db).body("type", hasItem("incident.merged"));
        // the SME is told where its case went, in its words, and the case names where it went
        Soc sme = Soc.as(jp.otasuke.infra.testing.TestUsers.smeUser(jp.otasuke.infra.testing.TestServers.keycloak(), tenant));
        sme.get("/api/v1/incidents/{id}", db).body("status", equalTo("MERGED")).body("mergedInto", equalTo(web.toString()));
        sme.get("/api/v1/incidents/{id}/timeline", db)
                .body("find { it.type == 'incident.merged' }.summary", equalTo("この件は、関連する別の件とまとめて対応することになりました。"))
                .body("find { it.type == 'incident.merged' }.facts.otherIncidentId", equalTo(web.toString()));
        sme.get("/api/v1/incidents/{id}/timeline", web)
                .body("find { it.type == 'incident.merged-in' }.summary", equalTo("関連する検知をこの件にまとめました。あわせて対応します。"))
                .body("actor", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()));
        IncidentUpdated merged = null;
        for (var record : EventTopics.read(Topics.INCIDENTS, r -> db.toString().equals(r.key())
                && EventTopics.type(r).equals("otasuke.incident.updated.v1"), 1)) {
            merged = EventJson.read(record.value(), IncidentUpdated.class);
        }
        assertEquals(web, merged.mergedInto());
        // a merged incident is done: it takes no second merge
        soc1.step(web, "merge", Map.of("incidentId", db.toString())).statusCode(409).body("detail", containsString("MERGED"));
    }

    @Test
    void detachingAHostsAlertsUndoesTheMergeIntoANewIncident() {
        String webHost = "web-" + UUID.randomUUID();
        String dbHost = "db-" + UUID.randomUUID();
        UUID web = incident(webHost, AlertCategory.MALWARE, Severity.HIGH, 2);
        UUID db = incident(dbHost, AlertCategory.MALWARE, Severity.MEDIUM, 2);
        soc1.step(web, "merge", Map.of("incidentId", db.toString())).statusCode(200).body("alertCount", equalTo(4));

        String split = soc1.request().contentType("application/json").body(Map.of("host", dbHost.toUpperCase()))
                .when().post("/api/v1/incidents/{id}/detach", web).then().statusCode(201)
                .header("Location", startsWith("http")).body("status", equalTo("OPEN")).body("alertCount", equalTo(2))
                .body("hosts", equalTo(List.of(dbHost))).extract().path("id");
        soc1.get("/api/v1/incidents/{id}", web).body("alertCount", equalTo(2)).body("hosts", equalTo(List.of(webHost)));
        soc1.get("/api/v1/incidents/{id}/alerts", split).body("items.host", equalTo(List.of(dbHost, dbHost)));
        soc1.get("/api/v1/incidents/{id}/timeline", split).body("type", hasItem("incident.detached-from"));
        soc1.get("/api/v1/incidents/{id}/timeline", web).body("type", hasItem("incident.detached"));
    }

    @Test
    void detachingNamedAlertsTakesExactlyThose() {
        String host = "pc-" + UUID.randomUUID();
        UUID id = incident(host, AlertCategory.MALWARE, Severity.HIGH, 3);
        List<String> alerts = soc1.get("/api/v1/incidents/{id}/alerts", id).extract().path("items.id");
        soc1.request().contentType("application/json").body(Map.of("alertIds", List.of(alerts.get(0))))
                .when().post("/api/v1/incidents/{id}/detach", id).then().statusCode(201).body("alertCount", equalTo(1));
        soc1.get("/api/v1/incidents/{id}", id).body("alertCount", equalTo(2));
    }

    @Test
    void whatCannotBeMergedOrDetachedIsRefusedWithTheReason() {
        UUID one = incident("a-" + UUID.randomUUID(), AlertCategory.MALWARE, Severity.HIGH, 1);
        UUID ofAnotherTenant = incidentOf(UUID.randomUUID(), "b-" + UUID.randomUUID());
        soc1.step(one, "merge", Map.of("incidentId", ofAnotherTenant.toString())).statusCode(409)
                .body("detail", containsString("another tenant"));
        soc1.step(one, "merge", Map.of("incidentId", one.toString())).statusCode(409).body("detail", containsString("itself"));
        soc1.step(one, "merge", Map.of("incidentId", UUID.randomUUID().toString())).statusCode(404);
        soc1.step(one, "merge", Map.of()).statusCode(400).body("errors[0].field", equalTo("incidentId"));
        soc1.step(one, "detach", Map.of("host", "nowhere")).statusCode(409).body("detail", containsString("no alerts"));
        soc1.step(one, "detach", Map.of()).statusCode(400).body("errors[0].field", equalTo("alertIds"));
        String only = soc1.get("/api/v1/incidents/{id}/alerts", one).extract().path("items[0].id");
        soc1.step(one, "detach", Map.of("alertIds", List.of(only))).statusCode(409).body("detail", containsString("empty"));
        soc1.step(one, "detach", Map.of("alertIds", List.of(UUID.randomUUID().toString()))).statusCode(409)
                .body("detail", containsString("belongs"));
        soc1.acknowledge(one).statusCode(200);
        soc1.resolve(one).statusCode(200);
        UUID other = incident("c-" + UUID.randomUUID(), AlertCategory.MALWARE, Severity.HIGH, 1);
        soc1.step(other, "merge", Map.of("incidentId", one.toString())).statusCode(409).body("detail", containsString("RESOLVED"));
        Soc.as("soc-1").get("/api/v1/incidents/{id}", other).body("alertCount", equalTo(1));
    }

    /** A fresh incident of this test's tenant on a host of its own, from {@code alerts} alerts. */
    private UUID incident(String host, AlertCategory category, Severity severity, int alerts) {
        for (int i = 0; i < alerts; i++) {
            EventTopics.publish(Alerts.of(tenant).host(host).alert(category, severity, "Alert on " + host));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.read(() -> Incident.<Incident>find("correlationKey", "host:" + host)
                .firstResultOptional().map(i -> i.alertCount == alerts).orElse(false)));
        return Db.read(() -> Incident.<Incident>find("correlationKey", "host:" + host).firstResult().id);
    }

    private static UUID incidentOf(UUID tenant, String host) {
        EventTopics.publish(Alerts.of(tenant).host(host).alert(AlertCategory.MALWARE, Severity.HIGH, "Alert on " + host));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.read(() -> Incident.count("correlationKey", "host:" + host) == 1));
        return Db.read(() -> Incident.<Incident>find("correlationKey", "host:" + host).firstResult().id);
    }
}
