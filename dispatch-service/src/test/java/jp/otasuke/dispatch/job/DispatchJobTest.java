package jp.otasuke.dispatch.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.Priority;
import jp.otasuke.common.events.Enums.Resolution;
import jp.otasuke.common.events.Enums.Urgency;
import jp.otasuke.common.events.IncidentOnsiteRequested;
import jp.otasuke.common.events.Site;
import jp.otasuke.common.problem.Refusal;
import jp.otasuke.common.text.Languages;
import jp.otasuke.common.text.Sentence;
import jp.otasuke.dispatch.cost.VisitReport;

/** The engineer's actions applied by their own time, as they arrive from a phone that was offline. */
class DispatchJobTest {

    private final UUID engineer = UUID.randomUUID();
    private final Instant t = Instant.parse("2026-11-25T01:00:00Z");
    private final VisitReport report = new VisitReport("Reimaged PC", 90, 10.0, List.of());

    @Test
    void anArrivalDeliveredAfterTheCheckOutIsRecordedAndTheJobStaysCompleted() {
        DispatchJob job = assigned();
        assertEquals(DispatchJob.Effect.MOVED, job.accept(t));
        assertEquals(DispatchJob.Effect.MOVED, job.complete(t.plusSeconds(7200), report, 8_000, 50));
        assertEquals(DispatchJob.Effect.RECORDED, job.arrive(t.plusSeconds(1800), 35.6852, 139.7528, 500));
        assertEquals(DispatchJob.Effect.RECORDED, job.depart(t.plusSeconds(60)));

        assertEquals(JobStatus.COMPLETED, job.status);
        assertEquals(t.plusSeconds(1800), job.arrivedAt);
        assertEquals(t.plusSeconds(60), job.departedAt);
    }

    @Test
    void theCostsAreComputedOnceAtTheFirstCheckOut() {
        DispatchJob job = assigned();
        job.complete(t.plusSeconds(7200), report, 8_000, 50);
        long total = job.totalYen;
        assertEquals(DispatchJob.Effect.NOTHING,
                job.complete(t.plusSeconds(9000), new VisitReport("Again", 600, 100.0, List.of()), 8_000, 50));
        assertEquals(total, job.totalYen);
        assertEquals(12_000 + 500, total);
    }

    @Test
    void aCheckInFarFromTheSiteIsFlagged() {
        DispatchJob near = assigned();
        near.arrive(t, 35.6860, 139.7528, 500); // ~90 m north
        assertFalse(near.farFromSite);
        DispatchJob far = assigned();
        far.arrive(t, 35.6952, 139.7528, 500); // ~1.1 km north
        assertTrue(far.farFromSite);
        assertTrue(far.arrivalDistanceMeters > 1000);
    }

    @Test
    void declineIsPossibleOnlyBeforeDepartingAndHandsTheJobBack() {
        DispatchJob job = assigned();
        job.accept(t);
        assertTrue(job.decline(engineer, Languages.JAPANESE).isEmpty());
        assertEquals(JobStatus.UNASSIGNED, job.status);
        assertEquals(List.of(engineer), job.declinedByList());
        assertEquals(Optional.of("この出動は別のエンジニアの担当です"), job.refusal(engineer, Languages.JAPANESE).map(Refusal::detail), "no longer theirs");

        DispatchJob onTheWay = assigned();
        onTheWay.depart(t);
        assertEquals(Optional.of("The job is on the way; it can be declined only before departing"),
                onTheWay.decline(engineer, Languages.ENGLISH).map(Refusal::detail));
        assertEquals(Optional.of("出発した後は辞退できません（いまの状態：移動中）"), onTheWay.decline(engineer, Languages.JAPANESE).map(Refusal::detail));
        assertEquals(JobStatus.EN_ROUTE, onTheWay.status);
    }

    @Test
    void aResolvedIncidentCancelsOnlyJobsNobodyReachedYet() {
        DispatchJob enRoute = assigned();
        enRoute.depart(t);
        assertTrue(enRoute.cancel(Sentence.of("cancelled.resolved", "resolution", Resolution.REMOTE_REMEDIATION)));
        assertEquals("the incident was resolved (REMOTE_REMEDIATION)", enRoute.cancelledReason, "what events and the SOC read");
        assertEquals(Optional.of("この出動は取りやめになりました（SOCがインシデントを解決しました：遠隔で対処済み）"),
                enRoute.refusal(engineer, Languages.JAPANESE).map(Refusal::detail), "what the engineer's phone reads");
        DispatchJob onSite = assigned();
        onSite.arrive(t, null, null, 500);
        assertFalse(onSite.cancel(Sentence.of("cancelled.closed")));
        assertEquals(JobStatus.ON_SITE, onSite.status);
    }

    private DispatchJob assigned() {
        IncidentOnsiteRequested request = new IncidentOnsiteRequested(UUID.randomUUID(), t, UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), "PC infected", Urgency.IMMEDIATE, List.of("endpoint"), "Trojan",
                AlertCategory.MALWARE, Priority.P2, new Site("100-0001", "東京都", "千代田区千代田1-1", 35.6852, 139.7528), "soc-1");
        DispatchJob job = DispatchJob.from(request, t.plusSeconds(4 * 3600), t);
        job.plannedFor(engineer, "Sato", t.plusSeconds(1800));
        return job;
    }
}
