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
import jp.otasuke.dispatch.engineer.Engineer;
import jp.otasuke.dispatch.job.DispatchJob;
import jp.otasuke.dispatch.job.JobStatus;

/**
 * A test's own little world of rush-outs: engineers onboarded through the API, and on-site requests as triage
 * publishes them. The planner plans every job in the database, so each test starts from a cleared board
 * ({@link #clearTheBoard()}); skills come from the one catalogue like everyone's.
 */
public final class Rushes {

    public static final Site OTEMACHI = new Site("100-0004", "東京都", "千代田区大手町1-1", 35.6860, 139.7650);
    public static final Map<String, Object> ALWAYS = Map.of("days", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"),
            "start", "00:00", "end", "23:59");

    /** What this world's jobs need; its engineers have it. */
    public static final String SKILL = "forensics";
    public final UUID tenant = UUID.randomUUID();

    /**
     * Earlier tests' open jobs are cancelled and their engineers stood down, so the planner never gives one test's
     * job to another test's engineer (nor another test's leftovers to this one's).
     */
    public static void clearTheBoard() {
        QuarkusTransaction.requiringNew().run(() -> {
            DispatchJob.update("status = ?1, cancelledReason = ?2 where status in ?3", JobStatus.CANCELLED,
                    "the test board was cleared", List.of(JobStatus.UNASSIGNED, JobStatus.ASSIGNED, JobStatus.ACCEPTED,
                            JobStatus.EN_ROUTE, JobStatus.ON_SITE));
            Engineer.update("active = false where active = true");
        });
    }

    /** An engineer who can do this world's jobs, living at the given place; returns id and username. */
    public Map<String, Object> engineer(String name, double latitude, double longitude) {
        return engineer(name, latitude, longitude, List.of(SKILL, "endpoint"));
    }

    /** An engineer with these skills only. */
    public Map<String, Object> engineer(String name, double latitude, double longitude, List<String> skills) {
        String email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID().toString().substring(0, 6) + "@otasuke.example";
        return ApiUser.as("ops-admin").json(Map.of("name", name, "email", email,
                "homeBase", Map.of("latitude", latitude, "longitude", longitude), "skills", skills,
                "shift", ALWAYS, "initialPassword", "field-engineer-pw"))
                .when().post("/api/v1/engineers").then().statusCode(201).extract().jsonPath().getMap("");
    }

    public IncidentOnsiteRequested request(Urgency urgency) {
        return request(urgency, List.of(SKILL));
    }

    public IncidentOnsiteRequested request(Urgency urgency, List<String> skills) {
        return new IncidentOnsiteRequested(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), tenant, UUID.randomUUID(),
                "Infected PC must be isolated", urgency, skills, "Trojan on pc-keiri", AlertCategory.MALWARE,
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
