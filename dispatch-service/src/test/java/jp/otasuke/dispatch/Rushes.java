package jp.otasuke.dispatch;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.Priority;
import jp.otasuke.common.events.Enums.Urgency;
import jp.otasuke.common.events.IncidentOnsiteRequested;
import jp.otasuke.common.events.Site;
import jp.otasuke.common.testing.ApiUser;
import jp.otasuke.common.testing.EventTopics;
import jp.otasuke.dispatch.job.DispatchJob;

/**
 * A test's own little world of rush-outs: engineers onboarded through the API with a skill only this test
 * uses (so the planner, which plans every job in the database, never mixes tests), and on-site requests as
 * triage publishes them.
 */
public final class Rushes {

    public static final Site OTEMACHI = new Site("100-0004", "東京都", "千代田区大手町1-1", 35.6860, 139.7650);
    public static final Map<String, Object> ALWAYS = Map.of("days", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"),
            "start", "00:00", "end", "23:59");

    public final String skill = "skill-" + UUID.randomUUID().toString().substring(0, 8);
    public final UUID tenant = UUID.randomUUID();

    /** An engineer who can do this world's jobs, living at the given place; returns id and username. */
    public Map<String, Object> engineer(String name, double latitude, double longitude) {
        String email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID().toString().substring(0, 6) + "@otasuke.example";
        return ApiUser.as("ops-admin").json(Map.of("name", name, "email", email,
                "homeBase", Map.of("latitude", latitude, "longitude", longitude), "skills", List.of(skill, "endpoint"),
                "shift", ALWAYS, "initialPassword", "field-engineer-pw"))
                .when().post("/api/v1/engineers").then().statusCode(201).extract().jsonPath().getMap("");
    }

    public IncidentOnsiteRequested request(Urgency urgency) {
        return new IncidentOnsiteRequested(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), tenant, UUID.randomUUID(),
                "Infected PC must be isolated", urgency, List.of(skill), "Trojan on pc-keiri", AlertCategory.MALWARE,
                Priority.P2, OTEMACHI, "soc-1");
    }

    /** Publishes the request and waits until dispatch made its job. */
    public DispatchJob jobFor(IncidentOnsiteRequested request) {
        EventTopics.publish(request);
        await().atMost(Duration.ofSeconds(30)).until(() -> job(request) != null);
        return job(request);
    }

    public static DispatchJob job(IncidentOnsiteRequested request) {
        return QuarkusTransaction.requiringNew().call(() -> DispatchJob.<DispatchJob>find("requestId", request.requestId())
                .firstResult());
    }

    public static DispatchJob reload(UUID jobId) {
        return QuarkusTransaction.requiringNew().call(() -> DispatchJob.<DispatchJob>findById(jobId));
    }
}
