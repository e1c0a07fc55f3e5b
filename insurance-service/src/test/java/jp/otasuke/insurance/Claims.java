package jp.otasuke.insurance;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jp.otasuke.common.events.CostLine;
import jp.otasuke.common.events.DispatchJobCompleted;
import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.CostType;
import jp.otasuke.common.events.Enums.IncidentKind;
import jp.otasuke.common.events.Enums.PlanType;
import jp.otasuke.common.events.Enums.Priority;
import jp.otasuke.common.events.IncidentOpened;
import jp.otasuke.common.events.Plan;
import jp.otasuke.common.events.Site;
import jp.otasuke.common.events.TenantUpserted;
import jp.otasuke.common.testing.ApiUser;
import jp.otasuke.common.testing.EventTopics;
import jp.otasuke.common.tenants.KnownTenant;
import jp.otasuke.insurance.claim.Claim;

/** One SME's insurance world: the tenant, its policy with an insurer, its incidents and completed rush-outs. */
public final class Claims {

    /** 3 h on site, 20 km, parking: 24,000 + 1,000 + 800 = 25,800 yen. */
    public static final List<CostLine> VISIT = List.of(new CostLine(CostType.LABOR, "3 h on site", 24_000),
            new CostLine(CostType.TRAVEL, "20 km", 1_000), new CostLine(CostType.EXPENSE, "Parking", 800));

    public final UUID tenant = UUID.randomUUID();

    /** The tenant as ingest announces it; waits until insurance knows it. */
    public Claims known() {
        EventTopics.publish(new TenantUpserted(UUID.randomUUID(), Instant.now(), tenant, "Kobe Denki", "manufacturing",
                "it@example.jp", "078-000-0000", new Site("650-0001", "兵庫県", "神戸市中央区1-1", 34.69, 135.19),
                new Plan(PlanType.NETWORK, 0, 9_800), true));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> KnownTenant.findById(tenant) != null));
        return this;
    }

    /** A policy this year with the insurer: deductible 5,000, per incident 300,000 (at most the aggregate), aggregate as given. */
    public String policy(String insurerId, long aggregateYen) {
        int year = LocalDate.now().getYear();
        return ApiUser.as("ops-admin").json(Map.of("tenantId", tenant, "insurerId", insurerId,
                "policyNumber", "POL-" + UUID.randomUUID().toString().substring(0, 8), "startsOn", year + "-01-01",
                "endsOn", year + "-12-31", "perIncidentLimitYen", Math.min(300_000, aggregateYen), "annualAggregateLimitYen", aggregateYen,
                "deductibleYen", 5_000, "coveredCostTypes", List.of("LABOR", "TRAVEL", "EXPENSE")))
                .when().post("/api/v1/policies").then().statusCode(201).extract().path("id");
    }

    public IncidentOpened incident() {
        return new IncidentOpened(UUID.randomUUID(), Instant.now().minusSeconds(7200), UUID.randomUUID(), tenant,
                IncidentKind.ALERT, "Ransomware on file server", AlertCategory.RANSOMWARE, Priority.P1, "OPEN",
                Instant.now(), null);
    }

    public DispatchJobCompleted completed(IncidentOpened incident) {
        Instant arrived = Instant.now().minusSeconds(5400);
        return new DispatchJobCompleted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), incident.incidentId(), tenant,
                UUID.randomUUID(), "Sato Kenji", arrived, arrived.plusSeconds(3 * 3600), "Restored from backup", 180, 20.0,
                VISIT, 25_800);
    }

    /** Publishes the incident, then (once insurance knows it, as in life) the completed job; waits for the claim. */
    public Claim claimFor(IncidentOpened incident, DispatchJobCompleted job) {
        EventTopics.publish(incident);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> jp.otasuke.insurance.evidence.IncidentFact.findById(incident.incidentId()) != null));
        EventTopics.publish(job);
        await().atMost(Duration.ofSeconds(30)).until(() -> claimOf(job) != null);
        return claimOf(job);
    }

    public static Claim claimOf(DispatchJobCompleted job) {
        return QuarkusTransaction.requiringNew().call(() -> Claim.<Claim>find("jobId", job.jobId()).firstResult());
    }
}
