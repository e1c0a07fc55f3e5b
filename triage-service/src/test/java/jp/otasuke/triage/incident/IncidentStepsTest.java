package jp.otasuke.triage.incident;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.EventJson;
import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.Severity;
import jp.otasuke.common.events.Enums.Urgency;
import jp.otasuke.common.events.IncidentOnsiteRequested;
import jp.otasuke.common.events.Topics;
import jp.otasuke.common.tenants.KnownTenant;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.triage.Alerts;
import jp.otasuke.triage.Db;
import jp.otasuke.common.testing.EventTopics;
import jp.otasuke.triage.Soc;
import jp.otasuke.triage.Tenants;

/** The SOC operator's steps through the API, with real tokens, a real database and the real incidents topic. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "triage"))
class IncidentStepsTest {

    private final UUID tenant = UUID.randomUUID();
    private final Soc soc1 = Soc.as("soc-1");

    @Test
    void anIncidentWalksItsWholePathAndEveryStepIsOnRecordWithWhoDidIt() {
        knownSite();
        UUID id = incident(AlertCategory.RANSOMWARE, Severity.HIGH);

        soc1.acknowledge(id).statusCode(200).body("status", equalTo("ACKNOWLEDGED")).body("assignee", equalTo("soc-1"));
        soc1.step(id, "assign", Map.of("assignee", "soc-2")).statusCode(200).body("assignee", equalTo("soc-2"));
        soc1.step(id, "comments", Map.of("text", "Isolate the file server", "visibility", "INTERNAL")).statusCode(201);
        soc1.requestOnsite(id).statusCode(202).body("requiredSkills", equalTo(List.of("endpoint", "forensics")));
        soc1.get("/api/v1/incidents/{id}", id).body("status", equalTo("ONSITE_REQUESTED"))
                .body("onsite.status", equalTo("REQUESTED"));
        soc1.resolve(id).statusCode(200).body("status", equalTo("RESOLVED")).body("resolution", equalTo("REMOTE_REMEDIATION"));
        Soc.as("soc-2").step(id, "close").statusCode(200).body("status", equalTo("CLOSED"));

        soc1.get("/api/v1/incidents/{id}/timeline", id).statusCode(200)
                .body("type", equalTo(List.of("incident.opened", "incident.acknowledged", "incident.assigned", "comment",
                        "incident.onsite-requested", "incident.resolved", "incident.closed")))
                .body("actor", equalTo(java.util.Arrays.asList(null, "soc-1", "soc-1", "soc-1", "soc-1", "soc-1", "soc-2")));
        List<String> announced = EventTopics.read(Topics.INCIDENTS, r -> id.toString().equals(r.key()), 6).stream()
                .map(EventTopics::type).toList();
        assertEquals(List.of("otasuke.incident.opened.v1", "otasuke.incident.acknowledged.v1",
                "otasuke.incident.updated.v1", "otasuke.incident.onsite-requested.v1", "otasuke.incident.resolved.v1",
                "otasuke.incident.closed.v1"), announced);
    }

    @Test
    void theOnsiteRequestCarriesTheTenantsSiteUrgencyAndTheSkillsTheSocNamed() throws Exception {
        knownSite();
        UUID id = incident(AlertCategory.INTRUSION, Severity.CRITICAL);
        soc1.acknowledge(id).statusCode(200);
        soc1.step(id, "onsite-requests", Map.of("reason", "Router compromised", "urgency", "NEXT_BUSINESS_DAY",
                "requiredSkills", List.of("network", "forensics"))).statusCode(202);

        ConsumerRecord<String, byte[]> record = EventTopics.read(Topics.INCIDENTS, r -> id.toString().equals(r.key())
                && EventTopics.type(r).equals("otasuke.incident.onsite-requested.v1"), 1).get(0);
        IncidentOnsiteRequested request = EventJson.read(record.value(), IncidentOnsiteRequested.class);
        assertEquals(Urgency.NEXT_BUSINESS_DAY, request.urgency());
        assertEquals(List.of("network", "forensics"), request.requiredSkills());
        assertEquals("大阪市北区梅田1-1-1", request.site().address());
        assertEquals(34.7025, request.site().latitude());
        assertEquals("soc-1", request.requestedBy());
    }

    @Test
    void aSkillOutsideTheCatalogueIsRefusedNamingTheOnesThatExist() {
        knownSite();
        UUID id = incident(AlertCategory.INTRUSION, Severity.CRITICAL);
        soc1.acknowledge(id).statusCode(200);
        for (String mistyped : List.of("fortigate", "Network")) { // no such skill; and no silent case folding
            soc1.step(id, "onsite-requests", Map.of("reason", "Router compromised", "urgency", "NEXT_BUSINESS_DAY",
                    "requiredSkills", List.of("network", mistyped))).statusCode(400)
                    .body("errors[0].field", equalTo("requiredSkills"))
                    .body("errors[0].message", org.hamcrest.Matchers.containsString("endpoint, network, forensics, general"));
        }
        soc1.get("/api/v1/incidents/{id}", id).body("status", equalTo("ACKNOWLEDGED"));
    }

    @Test
    void noEngineerCanBeRequestedBeforeTheTenantsSiteIsKnown() {
        UUID id = incident(AlertCategory.MALWARE, Severity.HIGH);
        soc1.acknowledge(id).statusCode(200);
        soc1.requestOnsite(id).statusCode(409).body("detail", containsString("site"));
        soc1.get("/api/v1/incidents/{id}", id).body("status", equalTo("ACKNOWLEDGED"));
    }

    @Test
    void everyStepTheStatusDoesNotAllowIs409WithTheReason() {
        knownSite();
        UUID id = incident(AlertCategory.MALWARE, Severity.HIGH);
        // OPEN
        soc1.requestOnsite(id).statusCode(409).body("detail", containsString("acknowledge it first"));
        soc1.resolve(id).statusCode(409).body("detail", containsString("OPEN"));
        soc1.step(id, "close").statusCode(409);
        // ACKNOWLEDGED
        soc1.acknowledge(id).statusCode(200);
        soc1.acknowledge(id).statusCode(409).body("detail", containsString("acknowledged by soc-1"));
        soc1.step(id, "close").statusCode(409);
        // ONSITE_REQUESTED
        soc1.requestOnsite(id).statusCode(202);
        soc1.requestOnsite(id).statusCode(409);
        soc1.acknowledge(id).statusCode(409);
        soc1.step(id, "close").statusCode(409);
        // RESOLVED
        soc1.resolve(id).statusCode(200);
        soc1.resolve(id).statusCode(409);
        soc1.acknowledge(id).statusCode(409);
        soc1.requestOnsite(id).statusCode(409);
        soc1.step(id, "assign", Map.of("assignee", "soc-2")).statusCode(409);
        // CLOSED
        soc1.step(id, "close").statusCode(200);
        soc1.step(id, "close").statusCode(409);
        soc1.step(id, "comments", Map.of("text", "late note", "visibility", "INTERNAL")).statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409));
    }

    @Test
    void twoOperatorsAcknowledgingAtOnceCannotBothWin() throws Exception {
        UUID id = incident(AlertCategory.MALWARE, Severity.HIGH);
        List<Integer> answers = race(() -> soc1.acknowledge(id).extract().statusCode(),
                () -> Soc.as("soc-2").acknowledge(id).extract().statusCode());
        assertEquals(List.of(200, 409), answers.stream().sorted().toList());
        assertEquals(1L, Db.read(() -> jp.otasuke.triage.timeline.TimelineEntry.count(
                "incidentId = ?1 and type = 'incident.acknowledged'", id)));
    }

    @Test
    void twoOnsiteRequestsAtOnceMakeOneRequest() throws Exception {
        knownSite();
        UUID id = incident(AlertCategory.MALWARE, Severity.HIGH);
        soc1.acknowledge(id).statusCode(200);
        Soc soc2 = Soc.as("soc-2");
        List<Integer> answers = race(() -> soc1.requestOnsite(id).extract().statusCode(),
                () -> soc2.requestOnsite(id).extract().statusCode());
        assertEquals(List.of(202, 409), answers.stream().sorted().toList());
        assertEquals(1, EventTopics.read(Topics.INCIDENTS, r -> id.toString().equals(r.key())
                && EventTopics.type(r).equals("otasuke.incident.onsite-requested.v1"), 1).size());
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        UUID id = incident(AlertCategory.MALWARE, Severity.HIGH);
        soc1.step(id, "comments", Map.of("text", " ", "visibility", "SOMETIMES")).statusCode(400)
                .contentType("application/problem+json");
        soc1.step(id, "comments", Map.of("text", "")).statusCode(400).body("errors.field", hasItem(containsString("visibility")));
        soc1.acknowledge(UUID.randomUUID()).statusCode(404).contentType("application/problem+json");
        soc1.get("/api/v1/incidents?status=SLEEPING").statusCode(400).body("detail", containsString("status"));
        soc1.get("/api/v1/incidents/{id}/timeline", id).body("size()", equalTo(1));
    }

    @Test
    void theQueueIsOrderedByPriorityThenAcknowledgeDueAndPagesWithoutGapsOrRepeats() {
        UUID p3 = incident(AlertCategory.MALWARE, Severity.MEDIUM);
        UUID p1 = incident(AlertCategory.MALWARE, Severity.CRITICAL);
        UUID p2 = incident(AlertCategory.MALWARE, Severity.HIGH);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = soc1.request().queryParam("tenantId", tenant).queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor).when().get("/api/v1/incidents").then()
                    .statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(List.of(p1.toString(), p2.toString(), p3.toString()), seen);
        soc1.request().queryParam("tenantId", tenant).queryParam("priority", "P2").when().get("/api/v1/incidents")
                .then().body("items.id", equalTo(List.of(p2.toString())));
    }

    private void knownSite() {
        EventTopics.publish(Tenants.osakaMachineShop(tenant));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.read(() -> KnownTenant.findById(tenant) != null));
    }

    /** A fresh incident of this test's tenant, from one alert on a host of its own. */
    private UUID incident(AlertCategory category, Severity severity) {
        String host = "host-" + UUID.randomUUID();
        EventTopics.publish(Alerts.of(tenant).host(host).alert(category, severity, "Alert on " + host));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.read(() -> Incident.count("correlationKey", "host:" + host) == 1));
        return Db.read(() -> Incident.<Incident>find("correlationKey", "host:" + host).firstResult().id);
    }

    @SafeVarargs
    private static List<Integer> race(Callable<Integer>... steps) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(steps.length);
        try {
            List<Future<Integer>> answers = pool.invokeAll(List.of(steps));
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                codes.add(answer.get());
            }
            return codes;
        } finally {
            pool.shutdown();
        }
    }
}
