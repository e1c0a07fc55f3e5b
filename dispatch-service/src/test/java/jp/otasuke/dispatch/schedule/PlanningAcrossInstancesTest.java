package jp.otasuke.dispatch.schedule;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.Enums.Urgency;
import jp.otasuke.common.testing.ApiUser;
import jp.otasuke.dispatch.Rushes;
import jp.otasuke.dispatch.job.DispatchJob;
import jp.otasuke.infra.testing.RealInfrastructure;

/**
 * Several dispatch instances plan one at a time, and a plan made from a state that has since changed is never applied
 * (issue 28): the planner here plays one instance, the test the other.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "dispatch"))
class PlanningAcrossInstancesTest {

    @Inject
    Replanner replanner;

    private final Rushes world = new Rushes();

    @BeforeEach
    void clearTheBoard() {
        Rushes.clearTheBoard();
    }

    @Test
    void aPlanMadeBeforeTheEngineerDeclinedDoesNotGiveThemTheJobBack() {
        Map<String, Object> near = world.engineer("Sato Kenji", 35.6812, 139.7671); // Tokyo station
        Map<String, Object> far = world.engineer("Suzuki Aya", 35.4660, 139.6220); // Yokohama
        UUID sato = UUID.fromString((String) near.get("id"));
        UUID jobId = world.jobFor(world.request(Urgency.IMMEDIATE)).id;
        await().atMost(Duration.ofSeconds(30)).until(() -> sato.equals(Rushes.reload(jobId).engineerId));

        Replanner.Plan stale = await().atMost(Duration.ofSeconds(30)).until(() -> replanner.plan(Instant.now()), Optional::isPresent)
                .orElseThrow();
        ApiUser.as((String) near.get("username"), "field-engineer-pw")
                .json(Map.of("opId", "op-decline-" + jobId, "type", "DECLINE", "at", Instant.now().toString(), "reason", "ill"))
                .when().post("/api/v1/jobs/{id}/actions", jobId).then().statusCode(200);

        assertFalse(replanner.apply(stale), "the plan was made before the decline");
        assertNotEquals(sato, Rushes.reload(jobId).engineerId, "the job is not moved back to the engineer who declined it");
        replanner.finish(stale);
        UUID suzuki = UUID.fromString((String) far.get("id"));
        await().atMost(Duration.ofSeconds(30)).until(() -> suzuki.equals(Rushes.reload(jobId).engineerId));
    }

    @Test
    void whileOneInstancePlansAnotherWaitsForItsLease() {
        UUID one = UUID.randomUUID();
        UUID another = UUID.randomUUID();
        await().atMost(Duration.ofSeconds(30)).until(() -> lease(one));
        try {
            assertFalse(lease(another), "one planner at a time across instances");
            QuarkusTransaction.requiringNew().run(() -> PlanningState.release(one));
            assertTrue(lease(another));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                PlanningState.release(one);
                PlanningState.release(another);
            });
        }
    }

    @Test
    void aPlanIsAppliedOnlyByTheInstanceThatHoldsTheLease() {
        world.engineer("Sato Kenji", 35.6812, 139.7671);
        world.jobFor(world.request(Urgency.IMMEDIATE));
        Replanner.Plan mine = await().atMost(Duration.ofSeconds(30)).until(() -> replanner.plan(Instant.now()), Optional::isPresent)
                .orElseThrow();
        QuarkusTransaction.requiringNew().run(() -> {
            PlanningState.release(UUID.randomUUID()); // not the holder: changes nothing
            DispatchJob.getEntityManager().createNativeQuery("update planning set holder = ?1, lease_until = now() + interval '1 minute'")
                    .setParameter(1, UUID.randomUUID()).executeUpdate(); // its lease ran out and another instance took over
        });
        try {
            assertFalse(replanner.apply(mine));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> DispatchJob.getEntityManager()
                    .createNativeQuery("update planning set holder = null, lease_until = null").executeUpdate());
            replanner.finish(mine);
        }
    }

    private static boolean lease(UUID holder) {
        return QuarkusTransaction.requiringNew().call(() -> PlanningState.lease(holder, Duration.ofMinutes(1)).isPresent());
    }
}
