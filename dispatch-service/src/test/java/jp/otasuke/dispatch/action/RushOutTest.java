package jp.otasuke.dispatch.action;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.DispatchJobCompleted;
import jp.otasuke.common.events.EventJson;
import jp.otasuke.common.events.Enums.Resolution;
import jp.otasuke.common.events.Enums.Urgency;
import jp.otasuke.common.events.IncidentOnsiteRequested;
import jp.otasuke.common.events.IncidentResolved;
import jp.otasuke.common.events.Topics;
import jp.otasuke.common.testing.ApiUser;
import jp.otasuke.common.testing.EventTopics;
import jp.otasuke.dispatch.Rushes;
import jp.otasuke.dispatch.job.DispatchJob;
import jp.otasuke.dispatch.job.JobStatus;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.infra.testing.TestServers;
import jp.otasuke.infra.testing.TestUsers;

/**
 * The rush-out on real Kafka, PostgreSQL and Keycloak: from the SOC's request to a planned job, the engineer's
 * phone (with offline replays), the costs, and what the SOC and the SME see.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "dispatch"))
class RushOutTest {

    private final Rushes world = new Rushes();

    @BeforeEach
    void clearTheBoard() {
        Rushes.clearTheBoard();
    }

    @Test
    void aRedeliveredRequestMakesOneJobAndTheNearestEngineerGetsIt() throws Exception {
        Map<String, Object> near = world.engineer("Sato Kenji", 35.6812, 139.7671); // Tokyo station
        world.engineer("Suzuki Aya", 35.4660, 139.6220); // Yokohama
        IncidentOnsiteRequested request = world.request(Urgency.IMMEDIATE);
        EventTopics.publish(request, request);

        DispatchJob job = planned(world.jobFor(request).id);
        assertEquals(UUID.fromString((String) near.get("id")), job.engineerId);
        assertEquals(1L, io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> DispatchJob.count("requestId", request.requestId())));
        assertEquals(1, EventTopics.read(Topics.DISPATCH, r -> request.incidentId().toString().equals(r.key())
                && EventTopics.type(r).equals("otasuke.dispatch.job-created.v1"), 1).size());
        Duration offBy = Duration.between(request.occurredAt().plus(Duration.ofHours(4)), job.deadline).abs();
        assertTrue(offBy.toNanos() < 1_000, "IMMEDIATE: within 4 hours of the request (stored to the microsecond)");
    }

    @Test
    void anOnboardedEngineerLogsInAndWorksTheJobFromThePhoneWithOfflineReplays() throws Exception {
        Map<String, Object> sato = world.engineer("Sato Kenji", 35.6812, 139.7671);
        IncidentOnsiteRequested request = world.request(Urgency.IMMEDIATE);
        UUID jobId = planned(world.jobFor(request).id).id;
        ApiUser phone = ApiUser.as((String) sato.get("username"), "field-engineer-pw");

        phone.request().when().get("/api/v1/me/jobs").then().statusCode(200).body("items.id", equalTo(List.of(jobId.toString())));
        Instant t = Instant.now().minusSeconds(4 * 3600).truncatedTo(ChronoUnit.SECONDS);
        createdAt(jobId, t.minusSeconds(600)); // the phone replays a day's work: the job existed before its first action
        String accepted = act(phone, jobId, Map.of("opId", "op-accept-" + jobId, "type", "ACCEPT", "at", t.toString()), 200);
        String replayed = act(phone, jobId, Map.of("opId", "op-accept-" + jobId, "type", "ACCEPT", "at", t.toString()), 200);
        assertEquals(accepted, replayed, "a replay is answered as the first time");
        act(phone, jobId, Map.of("opId", "op-depart-" + jobId, "type", "DEPART", "at", t.plusSeconds(60).toString()), 200);
        Map<String, Object> report = Map.of("summary", "Isolated and reimaged PC-KEIRI", "laborMinutes", 95, "travelKm", 8.4,
                "expenses", List.of(Map.of("type", "PARKING", "amountYen", 600, "note", "Otemachi parking")));
        act(phone, jobId, Map.of("opId", "op-complete-" + jobId, "type", "COMPLETE", "at", t.plusSeconds(9000).toString(),
                "report", report), 200);
        // the check-in was queued offline and only now gets through, after the check-out
        act(phone, jobId, Map.of("opId", "op-arrive-" + jobId, "type", "ARRIVE", "at", t.plusSeconds(1800).toString(),
                "latitude", 35.6861, "longitude", 139.7651), 200);
        act(phone, jobId, Map.of("opId", "op-complete-" + jobId, "type", "COMPLETE", "at", t.plusSeconds(9000).toString(),
                "report", report), 200);

        DispatchJob done = Rushes.reload(jobId);
        assertEquals(JobStatus.COMPLETED, done.status);
        assertEquals(t.plusSeconds(1800), done.arrivedAt);
        assertEquals(false, done.farFromSite);
        assertEquals(4 * 4_000 + 420 + 600, done.totalYen, "95 min = 4 started half hours; 8.4 km × 50; parking");
        List<DispatchJobCompleted> completions = EventTopics.read(Topics.DISPATCH, r -> request.incidentId().toString()
                .equals(r.key()) && EventTopics.type(r).equals("otasuke.dispatch.job-completed.v1"), 1).stream()
                .map(r -> read(r.value())).toList();
        assertEquals(1, completions.size(), "one set of costs");
        assertEquals(3, completions.get(0).costLines().size());
        assertEquals(1, EventTopics.read(Topics.DISPATCH, r -> request.incidentId().toString().equals(r.key())
                && EventTopics.type(r).equals("otasuke.dispatch.job-accepted.v1"), 1).size());
    }

    @Test
    void theEngineersOwnJobsArePagedInPlannedOrder() {
        Map<String, Object> sato = world.engineer("Sato Kenji", 35.6812, 139.7671);
        for (int i = 0; i < 3; i++) {
            planned(world.jobFor(world.request(Urgency.IMMEDIATE)).id);
        }
        ApiUser phone = ApiUser.as((String) sato.get("username"), "field-engineer-pw");
        List<String> all = phone.request().when().get("/api/v1/me/jobs").then().statusCode(200)
                .body("nextCursor", org.hamcrest.Matchers.nullValue()).extract().path("items.id");
        assertEquals(3, all.size());
        String cursor = phone.request().queryParam("limit", 2).when().get("/api/v1/me/jobs").then()
                .body("items.id", equalTo(all.subList(0, 2))).extract().path("nextCursor");
        phone.request().queryParam("limit", 2).queryParam("cursor", cursor).when().get("/api/v1/me/jobs").then()
                .body("items.id", equalTo(all.subList(2, 3))).body("nextCursor", org.hamcrest.Matchers.nullValue());
        phone.request().queryParam("limit", "abc").when().get("/api/v1/me/jobs").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void aDeclinedJobIsPlannedForSomeoneElseAndTheDeclinerNoLongerSeesIt() {
        Map<String, Object> first = world.engineer("Sato Kenji", 35.6812, 139.7671);
        Map<String, Object> second = world.engineer("Suzuki Aya", 35.4660, 139.6220);
        UUID jobId = planned(world.jobFor(world.request(Urgency.IMMEDIATE)).id).id;
        assertEquals(first.get("id"), Rushes.reload(jobId).engineerId.toString());
        ApiUser phone = ApiUser.as((String) first.get("username"), "field-engineer-pw");

        act(phone, jobId, Map.of("opId", "op-decline-" + jobId, "type", "DECLINE", "at", Instant.now().toString(),
                "reason", "Stuck in another job"), 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> second.get("id").equals(String.valueOf(Rushes.reload(jobId).engineerId)));
        phone.request().when().get("/api/v1/jobs/{id}", jobId).then().statusCode(404);
        phone.request().when().get("/api/v1/me/jobs").then().body("items", hasSize(0));
    }

    @Test
    void anAcceptedJobStaysWithItsEngineerWhenABetterPlacedOneJoins() {
        Map<String, Object> far = world.engineer("Suzuki Aya", 35.4660, 139.6220);
        UUID jobId = planned(world.jobFor(world.request(Urgency.IMMEDIATE)).id).id;
        act(ApiUser.as((String) far.get("username"), "field-engineer-pw"), jobId,
                Map.of("opId", "op-a-" + jobId, "type", "ACCEPT", "at", Instant.now().toString()), 200);
        world.engineer("Next Door", Rushes.OTEMACHI.latitude(), Rushes.OTEMACHI.longitude()); // re-plans

        UUID second = planned(world.jobFor(world.request(Urgency.IMMEDIATE)).id).id;
        DispatchJob accepted = Rushes.reload(jobId);
        assertEquals(far.get("id"), accepted.engineerId.toString(), "pinned");
        assertEquals(JobStatus.ACCEPTED, accepted.status);
        assertNotNull(Rushes.reload(second).engineerId);
    }

    @Test
    void anEngineerCannotSeeOrActOnAnotherEngineersJob() {
        world.engineer("Sato Kenji", 35.6812, 139.7671);
        UUID jobId = planned(world.jobFor(world.request(Urgency.IMMEDIATE)).id).id;
        Map<String, Object> other = new Rushes().engineer("Other World", 35.0, 135.0);
        ApiUser stranger = ApiUser.as((String) other.get("username"), "field-engineer-pw");

        stranger.request().when().get("/api/v1/jobs/{id}", jobId).then().statusCode(404);
        stranger.json(Map.of("opId", "op-x-" + jobId, "type", "ACCEPT", "at", Instant.now().toString()))
                .when().post("/api/v1/jobs/{id}/actions", jobId).then().statusCode(404)
                .contentType("application/problem+json");
        assertEquals(JobStatus.ASSIGNED, Rushes.reload(jobId).status);
    }

    @Test
    void anActionTimedBeforeTheJobExistedIsRefusedNamingItsTime() {
        Map<String, Object> sato = world.engineer("Sato Kenji", 35.6812, 139.7671);
        UUID jobId = planned(world.jobFor(world.request(Urgency.IMMEDIATE)).id).id;
        ApiUser phone = ApiUser.as((String) sato.get("username"), "field-engineer-pw");

        phone.json(Map.of("opId", "op-1970-" + jobId, "type", "ACCEPT", "at", "1970-01-01T00:05:00Z"))
                .when().post("/api/v1/jobs/{id}/actions", jobId).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("at"));
        phone.json(Map.of("opId", "op-future-" + jobId, "type", "ACCEPT", "at", Instant.now().plusSeconds(3600).toString()))
                .when().post("/api/v1/jobs/{id}/actions", jobId).then().statusCode(400).body("errors[0].field", equalTo("at"));
        assertEquals(JobStatus.ASSIGNED, Rushes.reload(jobId).status);
        act(phone, jobId, Map.of("opId", "op-now-" + jobId, "type", "ACCEPT", "at", Instant.now().toString()), 200);
    }

    @Test
    void anotherEngineersOpIdReplayedOnTheirJobDoesNotConfirmTheJobExists() {
        Map<String, Object> sato = world.engineer("Sato Kenji", 35.6812, 139.7671);
        UUID jobId = planned(world.jobFor(world.request(Urgency.IMMEDIATE)).id).id;
        ApiUser phone = ApiUser.as((String) sato.get("username"), "field-engineer-pw");
        act(phone, jobId, Map.of("opId", "op-mine-" + jobId, "type", "ACCEPT", "at", Instant.now().toString()), 200);
        Map<String, Object> other = new Rushes().engineer("Other World", 35.0, 135.0);

        ApiUser.as((String) other.get("username"), "field-engineer-pw")
                .json(Map.of("opId", "op-mine-" + jobId, "type", "ACCEPT", "at", Instant.now().toString()))
                .when().post("/api/v1/jobs/{id}/actions", jobId).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static void createdAt(UUID jobId, Instant when) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(() -> DispatchJob.update("createdAt = ?1 where id = ?2", when, jobId));
    }

    @Test
    void resolvingTheIncidentBeforeArrivalCancelsTheJob() {
        world.engineer("Sato Kenji", 35.6812, 139.7671);
        IncidentOnsiteRequested request = world.request(Urgency.NEXT_BUSINESS_DAY);
        UUID jobId = planned(world.jobFor(request).id).id;
        EventTopics.publish(new IncidentResolved(UUID.randomUUID(), Instant.now(), request.incidentId(), world.tenant,
                Resolution.REMOTE_REMEDIATION, "Fixed remotely", "soc-1"));

        await().atMost(Duration.ofSeconds(30)).until(() -> Rushes.reload(jobId).status == JobStatus.CANCELLED);
        assertEquals(1, EventTopics.read(Topics.DISPATCH, r -> request.incidentId().toString().equals(r.key())
                && EventTopics.type(r).equals("otasuke.dispatch.job-cancelled.v1"), 1).size());
    }

    @Test
    void theSmeSeesItsJobsStatusEtaAndEngineersNameOnly() {
        world.engineer("Sato Kenji", 35.6812, 139.7671);
        UUID jobId = planned(world.jobFor(world.request(Urgency.IMMEDIATE)).id).id;
        ApiUser sme = ApiUser.as(TestUsers.smeUser(TestServers.keycloak(), world.tenant));

        sme.request().when().get("/api/v1/jobs/{id}", jobId).then().statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("engineerName", equalTo("Sato Kenji"))
                .body("engineerId", nullValue()).body("site", nullValue()).body("plannedArrival", org.hamcrest.Matchers.notNullValue());
        ApiUser.as(TestUsers.smeUser(TestServers.keycloak(), UUID.randomUUID())).request()
                .when().get("/api/v1/jobs/{id}", jobId).then().statusCode(404);
    }

    @Test
    void badActionsAreProblems() {
        world.engineer("Sato Kenji", 35.6812, 139.7671);
        ApiUser soc = ApiUser.as("soc-1");
        soc.json(Map.of("opId", "x", "type", "ACCEPT", "at", Instant.now().toString()))
                .when().post("/api/v1/jobs/{id}/actions", UUID.randomUUID()).then().statusCode(403);
        ApiUser.as("ops-admin").json(Map.of("name", "No Shift", "email", "bad@otasuke.example",
                "homeBase", Map.of("latitude", 135, "longitude", 500), "skills", List.of()))
                .when().post("/api/v1/engineers").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems(
                        org.hamcrest.Matchers.containsString("latitude"), org.hamcrest.Matchers.containsString("shift")));
    }

    @Test
    void skillsComeFromTheOneCatalogueComparedExactly() {
        ApiUser.as("soc-1").request().when().get("/api/v1/skills").then().statusCode(200)
                .body("code", equalTo(List.of("endpoint", "network", "forensics", "general")))
                .body("find { it.code == 'forensics' }.labelJa", equalTo("証拠保全（フォレンジック）"));
        for (String mistyped : List.of("Forensics", "fortigate")) {
            ApiUser.as("ops-admin").json(Map.of("name", "Typo San", "email", "typo-" + UUID.randomUUID() + "@otasuke.example",
                    "homeBase", Map.of("latitude", 35.68, "longitude", 139.76), "skills", List.of("endpoint", mistyped),
                    "shift", Rushes.ALWAYS))
                    .when().post("/api/v1/engineers").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("skills[1]"))
                    .body("errors[0].message", org.hamcrest.Matchers.containsString("endpoint, network, forensics, general"));
        }
    }

    @Test
    void aJobNoActiveEngineerCouldEverTakeSaysWhyAndTheSocIsTold() {
        world.engineer("Sato Kenji", 35.6812, 139.7671); // forensics and endpoint, no network
        IncidentOnsiteRequested request = world.request(Urgency.IMMEDIATE, List.of("network"));
        UUID jobId = world.jobFor(request).id;

        await().atMost(Duration.ofSeconds(30)).until(() -> Rushes.reload(jobId).unassignableReason != null);
        DispatchJob job = Rushes.reload(jobId);
        assertEquals(JobStatus.UNASSIGNED, job.status);
        assertEquals("No active engineer has every skill this job needs: Network equipment (routers, UTM)", job.unassignableReason);
        ApiUser.as("soc-1").request().when().get("/api/v1/jobs/{id}", jobId).then()
                .body("unassignableReason", equalTo("No active engineer has every skill this job needs: Network equipment (routers, UTM)"));
        assertEquals(1, EventTopics.read(Topics.DISPATCH, r -> request.incidentId().toString().equals(r.key())
                && EventTopics.type(r).equals("otasuke.dispatch.job-unassignable.v1"), 1).size(), "told once, not per plan");

        // a pair of hands with the skill arrives: the job is planned, and the reason goes
        ApiUser.as("ops-admin").json(Map.of("name", "Network Nakamura", "email", "nakamura-" + UUID.randomUUID() + "@otasuke.example",
                "homeBase", Map.of("latitude", 35.69, "longitude", 139.70), "skills", List.of("network"), "shift", Rushes.ALWAYS,
                "initialPassword", "field-engineer-pw")).when().post("/api/v1/engineers").then().statusCode(201);
        DispatchJob planned = planned(jobId);
        assertEquals(null, planned.unassignableReason);
    }

    /** Waits until the planner gave the job an engineer and an ETA. */
    private static DispatchJob planned(UUID jobId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Rushes.reload(jobId).plannedArrival != null);
        return Rushes.reload(jobId);
    }

    private static String act(ApiUser phone, UUID jobId, Map<String, Object> action, int status) {
        return phone.json(action).when().post("/api/v1/jobs/{id}/actions", jobId).then().statusCode(status)
                .extract().asString();
    }

    private static DispatchJobCompleted read(byte[] value) {
        try {
            return EventJson.read(value, DispatchJobCompleted.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aNewEngineerIsWhereTheLocationSays() {
        var created = ApiUser.as("ops-admin").json(Map.of("name", "Located Kato", "email", "kato-" + UUID.randomUUID()
                + "@otasuke.example", "homeBase", Map.of("latitude", 35.69, "longitude", 139.70), "skills", List.of("network"),
                "shift", Rushes.ALWAYS)).when().post("/api/v1/engineers").then().statusCode(201).extract();
        ApiUser.as("soc-1").follow(created.header("Location")).statusCode(200).body("id", equalTo(created.path("id")))
                .body("name", equalTo("Located Kato"));
        ApiUser.as("soc-1").request().when().get("/api/v1/engineers/{id}", UUID.randomUUID()).then().statusCode(404);
    }

}
