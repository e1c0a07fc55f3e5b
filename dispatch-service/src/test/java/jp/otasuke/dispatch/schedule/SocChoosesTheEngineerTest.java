package jp.otasuke.dispatch.schedule;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.DispatchJobAssigned;
import jp.otasuke.common.events.EventJson;
import jp.otasuke.common.events.Enums.Urgency;
import jp.otasuke.common.events.IncidentOnsiteRequested;
import jp.otasuke.common.events.Topics;
import jp.otasuke.common.testing.ApiUser;
import jp.otasuke.common.testing.EventTopics;
import jp.otasuke.dispatch.Rushes;
import jp.otasuke.infra.testing.RealInfrastructure;

/**
 * A ransomware request asks for forensics; the only engineer with it lives in Osaka, hours away, while one without it
 * is ten minutes from the site. The planner sends Osaka, late; the SOC sees that, sees the candidates, and gives the job
 * to the near engineer without forensics. The choice holds through re-planning until that engineer declines.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "dispatch"))
class SocChoosesTheEngineerTest {

    private final Rushes world = new Rushes();
    private final ApiUser soc = ApiUser.as("soc-1");

    @BeforeEach
    void clearTheBoard() {
        Rushes.clearTheBoard();
    }

    @Test
    void aLateJobShowsItsCandidatesAndTheSocsChoiceHoldsUntilTheEngineerDeclines() throws Exception {
        Map<String, Object> osaka = world.engineer("Yamada Taro", 34.7025, 135.4959, List.of("endpoint", "forensics"));
        Map<String, Object> near = world.engineer("Tanaka Yui", 35.6900, 139.7600, List.of("endpoint"));
        IncidentOnsiteRequested request = world.request(Urgency.IMMEDIATE, List.of("endpoint", "forensics"));
        UUID job = world.jobFor(request).id;
        await().atMost(Duration.ofSeconds(30)).until(() -> Rushes.reload(job).plannedArrival != null);

        // the planner's answer is late, and says so
        soc.request().when().get("/api/v1/jobs/{id}", job).then().statusCode(200)
                .body("engineerName", equalTo("Yamada Taro")).body("late", equalTo(true))
                .body("lateByMinutes", greaterThan(60));

        // the candidates: the near one first (on time, lacking forensics), then Osaka (late, every skill)
        soc.request().when().get("/api/v1/jobs/{id}/candidates", job).then().statusCode(200)
                .body("name", equalTo(List.of("Tanaka Yui", "Yamada Taro")))
                .body("[0].missingSkills", equalTo(List.of("forensics"))).body("[0].lateByMinutes", nullValue())
                .body("[0].distanceKm", org.hamcrest.Matchers.lessThan(5f))
                .body("[1].missingSkills", equalTo(List.of())).body("[1].lateByMinutes", greaterThan(60));

        // choosing her without dropping forensics is refused at that field, in the reader's language
        soc.json(Map.of("engineerId", near.get("id"))).header("Accept-Language", "ja")
                .when().post("/api/v1/jobs/{id}/assign", job).then().statusCode(422)
                .body("type", equalTo("urn:otasuke:problem:job.assign-missing-skills"))
                .body("errors[0].field", equalTo("dropSkills"))
                .body("detail", containsString("Tanaka Yuiさんには次のスキルがありません：証拠保全（フォレンジック）"));
        soc.json(Map.of("engineerId", UUID.randomUUID())).when().post("/api/v1/jobs/{id}/assign", job).then().statusCode(400)
                .body("errors[0].field", equalTo("engineerId"));
        soc.json(Map.of("engineerId", near.get("id"), "dropSkills", List.of("network"))).when()
                .post("/api/v1/jobs/{id}/assign", job).then().statusCode(400).body("errors[0].field", equalTo("dropSkills"));
        ApiUser.as((String) near.get("username"), "field-engineer-pw").json(Map.of("engineerId", near.get("id")))
                .when().post("/api/v1/jobs/{id}/assign", job).then().statusCode(403);

        soc.json(Map.of("engineerId", near.get("id"), "dropSkills", List.of("forensics")))
                .when().post("/api/v1/jobs/{id}/assign", job).then().statusCode(200)
                .body("engineerName", equalTo("Tanaka Yui")).body("status", equalTo("ASSIGNED"))
                .body("requiredSkills", equalTo(List.of("endpoint"))).body("late", equalTo(false))
                .body("chosenBy", equalTo("soc-1"));
        DispatchJobAssigned told = EventJson.read(EventTopics.read(Topics.DISPATCH, r -> request.incidentId().toString()
                .equals(r.key()) && EventTopics.type(r).equals("otasuke.dispatch.job-assigned.v1")
                && new String(r.value()).contains("soc-1"), 1).get(0).value(), DispatchJobAssigned.class);
        assertEquals("Tanaka Yui", told.engineerName());
        assertEquals("soc-1", told.chosenBy());

        // an engineer nearer still, with every skill, joins: the planner plans again, and the SOC's choice holds
        Map<String, Object> nearest = world.engineer("Kato Ren", 35.6861, 139.7651, List.of("endpoint", "forensics"));
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10))
                .until(() -> near.get("id").equals(String.valueOf(Rushes.reload(job).engineerId)));

        // she declines: the choice ends there, and the planner gives the job to the nearest
        ApiUser phone = ApiUser.as((String) near.get("username"), "field-engineer-pw");
        phone.json(Map.of("opId", "decline-" + job, "type", "DECLINE", "at", Instant.now().toString(), "reason", "another job"))
                .when().post("/api/v1/jobs/{id}/actions", job).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> nearest.get("id").equals(String.valueOf(Rushes.reload(job).engineerId)));
        assertNull(Rushes.reload(job).chosenEngineerId);
        soc.json(Map.of("engineerId", near.get("id"))).when().post("/api/v1/jobs/{id}/assign", job).then().statusCode(409)
                .body("type", equalTo("urn:otasuke:problem:job.assign-declined"));

        // once the engineer accepts, the job is theirs
        ApiUser.as((String) nearest.get("username"), "field-engineer-pw")
                .json(Map.of("opId", "accept-" + job, "type", "ACCEPT", "at", Instant.now().toString()))
                .when().post("/api/v1/jobs/{id}/actions", job).then().statusCode(200);
        soc.json(Map.of("engineerId", osaka.get("id"))).when().post("/api/v1/jobs/{id}/assign", job).then().statusCode(409)
                .body("type", equalTo("urn:otasuke:problem:job.assign-too-late"))
                .body("detail", containsString("accepted"));
        soc.request().when().get("/api/v1/jobs/{id}/candidates", job).then().statusCode(409);
        soc.request().when().get("/api/v1/jobs/{id}/candidates", UUID.randomUUID()).then().statusCode(404);
        assertNotEquals(near.get("id"), String.valueOf(Rushes.reload(job).engineerId));
    }
}
