package jp.otasuke.triage.timeline;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.ClaimDecided;
import jp.otasuke.common.events.ClaimOpened;
import jp.otasuke.common.events.ClaimPaid;
import jp.otasuke.common.events.CostLine;
import jp.otasuke.common.events.DispatchJobAccepted;
import jp.otasuke.common.events.DispatchJobArrived;
import jp.otasuke.common.events.DispatchJobAssigned;
import jp.otasuke.common.events.DispatchJobCompleted;
import jp.otasuke.common.events.DispatchJobCreated;
import jp.otasuke.common.events.DispatchJobDeclined;
import jp.otasuke.common.events.DispatchJobEnRoute;
import jp.otasuke.common.events.DispatchJobUnassignable;
import jp.otasuke.common.events.Enums.ClaimOutcome;
import jp.otasuke.common.events.Enums.CostType;
import jp.otasuke.common.events.Enums.Severity;
import jp.otasuke.common.events.Enums.Urgency;
import jp.otasuke.common.tenants.KnownTenant;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.infra.testing.TestServers;
import jp.otasuke.infra.testing.TestUsers;
import jp.otasuke.triage.Alerts;
import jp.otasuke.triage.Db;
import jp.otasuke.common.testing.EventTopics;
import jp.otasuke.triage.Soc;
import jp.otasuke.triage.Tenants;

/** Dispatch and claim events from the real topics complete an incident's story and its job and claim status. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "triage"))
class TimelineTest {

    private final UUID tenant = UUID.randomUUID();
    private Instant clock;

    @Test
    void theWholeStoryIsOneListAndTheIncidentShowsTheJobAndTheClaim() {
        UUID id = anIncidentAbout("nas-01", Severity.CRITICAL);
        Soc soc = Soc.as("soc-1");
        soc.acknowledge(id).statusCode(200);
        soc.requestOnsite(id).statusCode(202);

        clock = Instant.now().plusSeconds(1);
        UUID job = UUID.randomUUID();
        UUID engineer = UUID.randomUUID();
        UUID claim = UUID.randomUUID();
        Instant eta = Instant.parse("2026-11-26T05:30:00Z");
        DispatchJobCreated created = new DispatchJobCreated(UUID.randomUUID(), next(), job, id, tenant, UUID.randomUUID(),
                Urgency.IMMEDIATE, eta.plusSeconds(3600), List.of("endpoint"));
        DispatchJobAssigned assigned = new DispatchJobAssigned(UUID.randomUUID(), next(), job, id, tenant, engineer,
                "Sato Kenji", eta);
        EventTopics.publish(
                created,
                assigned, assigned, // redelivered: one line
                new DispatchJobDeclined(UUID.randomUUID(), next(), job, id, tenant, engineer, "stuck in traffic"),
                new DispatchJobAssigned(UUID.randomUUID(), next(), job, id, tenant, engineer, "Suzuki Aya", eta),
                new DispatchJobAccepted(UUID.randomUUID(), next(), job, id, tenant, engineer, "Suzuki Aya", eta),
                new DispatchJobEnRoute(UUID.randomUUID(), next(), job, id, tenant, engineer, "Suzuki Aya", eta),
                new DispatchJobArrived(UUID.randomUUID(), next(), job, id, tenant, engineer, eta, false));
        // the job and the claim are projected by different consumers, which may meet on the incident's row and retry:
        // until the projection lands, the incident has no job or claim yet
        await().atMost(Duration.ofSeconds(30)).until(() -> "ON_SITE".equals(
                java.util.Optional.ofNullable(Db.incidentsOf(tenant).get(0).job).map(j -> j.status).orElse(null)));
        soc.get("/api/v1/incidents/{id}", id).body("status", equalTo("ONSITE_IN_PROGRESS"))
                .body("onsite.jobId", equalTo(job.toString())).body("onsite.eta", equalTo("2026-11-26T05:30:00Z"))
                .body("onsite.engineerName", equalTo("Suzuki Aya"));

        EventTopics.publish(
                new DispatchJobCompleted(UUID.randomUUID(), next(), job, id, tenant, engineer, "Suzuki Aya", eta,
                        eta.plusSeconds(5400), "Reimaged NAS, restored from backup", 90, 12.5,
                        List.of(new CostLine(CostType.LABOR, "90 min on site", 15_000)), 15_000));
        EventTopics.publish(
                new ClaimOpened(UUID.randomUUID(), next(), claim, "CLM-2026-000001", id, job, tenant, UUID.randomUUID(),
                        "INS-A", "SUBMITTED", 15_000, 10_000),
                new ClaimDecided(UUID.randomUUID(), next(), claim, "CLM-2026-000001", id, tenant, "INS-A",
                        ClaimOutcome.APPROVED, 10_000, "within policy"),
                new ClaimPaid(UUID.randomUUID(), next(), claim, "CLM-2026-000001", id, tenant, "INS-A", 10_000,
                        LocalDate.parse("2026-11-30"), "PAY-778"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "PAID".equals(
                java.util.Optional.ofNullable(Db.incidentsOf(tenant).get(0).claim).map(c -> c.status).orElse(null)));

        soc.get("/api/v1/incidents/{id}", id).body("claim.claimId", equalTo(claim.toString()))
                .body("claim.status", equalTo("PAID")).body("onsite.status", equalTo("COMPLETED"));
        List<String> types = soc.get("/api/v1/incidents/{id}/timeline", id).statusCode(200).extract().jsonPath().getList("type");
        assertEquals(List.of("incident.opened", "incident.acknowledged", "incident.onsite-requested", "dispatch.job-created",
                "dispatch.job-assigned", "dispatch.job-declined", "dispatch.job-assigned", "dispatch.job-accepted",
                "dispatch.job-en-route", "dispatch.job-arrived", "dispatch.job-completed", "claim.opened", "claim.decided",
                "claim.paid"), types, "in the order it happened; the redelivered assignment is one line");

        // the operator reads the same story in Japanese: times in Japan time, codes in words, no ids or ISO instants
        List<String> socJa = soc.request().header("Accept-Language", "ja").when().get("/api/v1/incidents/{id}/timeline", id)
                .then().statusCode(200).extract().jsonPath().getList("summary");
        assertEquals("駆付けの手配を始めました。至急（4時間以内）、期限は11月26日 15:30", socJa.get(3));
        assertEquals("Suzuki Ayaさんが出発しました（到着予定 11月26日 14:30）", socJa.get(8));
        assertEquals("保険会社が請求 CLM-2026-000001 を承認しました：10,000円（within policy）", socJa.get(12));
        for (String line : socJa) {
            org.junit.jupiter.api.Assertions.assertFalse(line.matches(".*(\\d{4}-\\d{2}-\\d{2}T|[0-9a-f]{8}-[0-9a-f]{4}-).*"), line);
            org.junit.jupiter.api.Assertions.assertFalse(line.matches(".*\\b(IMMEDIATE|EMAIL|ASSIGNED|APPROVED)\\b.*"), line);
        }

        Soc sme = Soc.as(TestUsers.smeUser(TestServers.keycloak(), tenant));
        sme.request().header("Accept-Language", "en").when().get("/api/v1/incidents/{id}/timeline", id).then().statusCode(200)
                .body("type", hasItems("dispatch.job-en-route", "dispatch.job-arrived", "claim.paid"))
                .body("find { it.type == 'dispatch.job-en-route' }.summary",
                        equalTo("Engineer Suzuki Aya is on the way, arriving around 2026-11-26 14:30 JST."))
                .body("findAll { it.type == 'dispatch.job-declined' }.size()", equalTo(0));
        // in Japanese (nothing asked), with the facts a page can present itself
        sme.get("/api/v1/incidents/{id}/timeline", id)
                .body("find { it.type == 'dispatch.job-en-route' }.summary",
                        equalTo("エンジニアのSuzuki Ayaがそちらに向かっています（11月26日 14:30ごろ到着予定）。"))
                .body("find { it.type == 'dispatch.job-en-route' }.facts.engineer", equalTo("Suzuki Aya"))
                .body("find { it.type == 'dispatch.job-en-route' }.facts.eta", equalTo("2026-11-26T05:30:00Z"));
    }

    @Test
    void anEngineerPlannedAfterTheDeadlineIsLateForTheSocAndTheSmeAlike() {
        UUID id = anIncidentAbout("pc-late", Severity.CRITICAL);
        Soc soc = Soc.as("soc-1");
        soc.acknowledge(id).statusCode(200);
        soc.requestOnsite(id).statusCode(202);
        clock = Instant.now().plusSeconds(1);
        UUID job = UUID.randomUUID();
        UUID osaka = UUID.randomUUID();
        Instant deadline = Instant.parse("2026-11-26T09:20:00Z"); // 18:20 in Tokyo
        EventTopics.publish(new DispatchJobCreated(UUID.randomUUID(), next(), job, id, tenant, UUID.randomUUID(),
                Urgency.IMMEDIATE, deadline, List.of("endpoint", "forensics")),
                new DispatchJobAssigned(UUID.randomUUID(), next(), job, id, tenant, osaka, "Yamada Taro",
                        deadline.plusSeconds(2 * 3600)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "ASSIGNED".equals(
                java.util.Optional.ofNullable(Db.incidentsOf(tenant).get(0).job).map(j -> j.status).orElse(null)));

        soc.get("/api/v1/incidents/{id}", id).body("onsite.late", equalTo(true)).body("onsite.lateByMinutes", equalTo(120))
                .body("onsite.deadline", equalTo("2026-11-26T09:20:00Z"));
        soc.request().header("Accept-Language", "ja").when().get("/api/v1/incidents/{id}/timeline", id).then()
                .body("find { it.type == 'dispatch.job-assigned' }.summary",
                        equalTo("Yamada Taroさんに割り当てました。到着予定 11月26日 20:20 は期限の11月26日 18:20より2時間遅れます"));
        Soc sme = Soc.as(TestUsers.smeUser(TestServers.keycloak(), tenant));
        sme.get("/api/v1/incidents/{id}", id).body("onsite.late", equalTo(true)).body("onsite.lateByMinutes", equalTo(120));
        sme.get("/api/v1/incidents/{id}/timeline", id)
                .body("find { it.type == 'dispatch.job-assigned' }.summary", equalTo("エンジニアのYamada Taroが11月26日 20:20ごろ"
                        + "到着する予定です。お約束の11月26日 18:20より2時間ほど遅れます。申し訳ありません。"));

        // the SOC gives it to the engineer nearby: on time now, and the story says who chose
        EventTopics.publish(new DispatchJobAssigned(UUID.randomUUID(), next(), job, id, tenant, UUID.randomUUID(), "Tanaka Yui",
                deadline.minusSeconds(3600), "soc-1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "Tanaka Yui".equals(Db.incidentsOf(tenant).get(0).job.engineerName));
        soc.get("/api/v1/incidents/{id}", id).body("onsite.late", equalTo(false));
        soc.request().header("Accept-Language", "ja").when().get("/api/v1/incidents/{id}/timeline", id).then()
                .body("findAll { it.type == 'dispatch.job-assigned' }[1].summary",
                        equalTo("選んだTanaka Yuiさんに割り当てました（到着予定 11月26日 17:20）"))
                .body("findAll { it.type == 'dispatch.job-assigned' }[1].actor", equalTo("soc-1"));
        sme.get("/api/v1/incidents/{id}/timeline", id).body("findAll { it.type == 'dispatch.job-assigned' }[1].summary",
                equalTo("エンジニアのTanaka Yuiが11月26日 17:20ごろ到着する予定です。"))
                .body("actor", everyItem(nullValue()));
    }

    @Test
    void aJobNobodyCouldTakeIsShownToTheSocNotToTheSme() {
        UUID id = anIncidentAbout("fw-01", Severity.CRITICAL);
        Soc soc = Soc.as("soc-1");
        soc.acknowledge(id).statusCode(200);
        soc.requestOnsite(id).statusCode(202);
        clock = Instant.now().plusSeconds(1);
        UUID job = UUID.randomUUID();
        EventTopics.publish(new DispatchJobCreated(UUID.randomUUID(), next(), job, id, tenant, UUID.randomUUID(),
                Urgency.IMMEDIATE, Instant.now().plusSeconds(4 * 3600), List.of("network")),
                new DispatchJobUnassignable(UUID.randomUUID(), next(), job, id, tenant,
                        "No active engineer has the skills this job needs (network)",
                        jp.otasuke.common.text.Sentence.of("unassignable.skills", "skills", List.of("network"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.incidentsOf(tenant).get(0).job.unassignableReason != null);

        soc.get("/api/v1/incidents/{id}", id).body("onsite.status", equalTo("UNASSIGNED"))
                .body("onsite.unassignableReason", equalTo("no active engineer has every skill it needs (Network equipment (routers, UTM))"));
        soc.get("/api/v1/incidents/{id}/timeline", id)
                .body("find { it.type == 'dispatch.job-unassignable' }.summary",
                        equalTo("No engineer can take the on-site job: no active engineer has every skill it needs (Network equipment (routers, UTM))"));
        soc.request().header("Accept-Language", "ja").when().get("/api/v1/incidents/{id}", id).then()
                .body("onsite.unassignableReason", equalTo("必要なスキルをすべて持つエンジニアがいません（ルーター・UTMなどネットワーク機器）"));
        // dispatch's reason in the operator's words
        soc.request().header("Accept-Language", "ja").when().get("/api/v1/incidents/{id}/timeline", id).then()
                .body("find { it.type == 'dispatch.job-unassignable' }.summary",
                        equalTo("引き受けられるエンジニアがいません：必要なスキルをすべて持つエンジニアがいません（ルーター・UTMなどネットワーク機器）"));
        Soc sme = Soc.as(TestUsers.smeUser(TestServers.keycloak(), tenant));
        sme.get("/api/v1/incidents/{id}", id).body("onsite.unassignableReason", org.hamcrest.Matchers.nullValue());
        sme.get("/api/v1/incidents/{id}/timeline", id).body("findAll { it.type == 'dispatch.job-unassignable' }.size()", equalTo(0));
    }

    /** Event times a second apart, after the SOC's steps, as the other services would stamp them. */
    private Instant next() {
        clock = clock.plusSeconds(1);
        return clock;
    }

    @Test
    void aLongStoryIsReadToItsNewestEntryAPageAtATime() {
        UUID id = anIncidentAbout("pc-long", Severity.HIGH);
        Instant start = Instant.now().plusSeconds(60);
        int notes = 1_200; // every third one shared with the SME: 400 of them
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            for (int n = 0; n < notes; n++) {
                Instant at = start.plusSeconds(n);
                if (n % 3 == 0) {
                    TimelineEntry.shared(UUID.randomUUID(), id, at, "comment", SocLine.of("comment", "text", "note " + n),
                            CustomerLine.of("comment", "text", "note " + n), "soc-1");
                } else {
                    TimelineEntry.internal(UUID.randomUUID(), id, at, "comment", SocLine.of("comment", "text", "note " + n), "soc-1");
                }
            }
        });
        Soc soc = Soc.as("soc-1");

        List<String> firstPage = soc.get("/api/v1/incidents/{id}/timeline", id).statusCode(200)
                .header("Link", org.hamcrest.Matchers.matchesPattern("<http[^>]*/api/v1/incidents/" + id
                        + "/timeline\\?cursor=[0-9a-f-]+>; rel=\"next\""))
                .extract().jsonPath().getList("summary");
        assertEquals(500, firstPage.size(), "a plain list, as before, of at most 500 entries");

        List<String> socReads = readToTheEnd(soc, id, 200);
        assertEquals(notes, socReads.stream().filter(line -> line.startsWith("note ")).count(), "every note, none twice");
        assertEquals("note " + (notes - 1), socReads.get(socReads.size() - 1), "down to the newest entry");

        Soc sme = Soc.as(TestUsers.smeUser(TestServers.keycloak(), tenant));
        List<String> smeReads = readToTheEnd(sme, id, 150);
        assertEquals(notes / 3, smeReads.stream().filter(line -> line.startsWith("note ")).count());
        assertEquals("note " + (notes - 3), smeReads.get(smeReads.size() - 1), "the SME's newest line too");
    }

    /** Follows {@code Link: rel="next"} from the first page, as a client does, collecting the summaries in order. */
    private static List<String> readToTheEnd(Soc reader, UUID incident, int limit) {
        List<String> read = new java.util.ArrayList<>();
        String next = "/api/v1/incidents/" + incident + "/timeline?limit=" + limit;
        while (next != null) {
            io.restassured.response.ExtractableResponse<io.restassured.response.Response> page = reader.request()
                    .get(next).then().statusCode(200).extract();
            List<String> summaries = page.jsonPath().getList("summary");
            org.junit.jupiter.api.Assertions.assertTrue(summaries.size() <= limit);
            read.addAll(summaries);
            String link = page.header("Link");
            next = link == null ? null : java.net.URI.create(link.substring(link.indexOf('<') + 1, link.indexOf('>'))).getRawPath()
                    + "?" + java.net.URI.create(link.substring(link.indexOf('<') + 1, link.indexOf('>'))).getRawQuery();
        }
        return read;
    }

    /** The tenant known to triage, and its incident from one malware alert about the host. */
    private UUID anIncidentAbout(String host, Severity severity) {
        EventTopics.publish(Tenants.osakaMachineShop(tenant));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.read(() -> KnownTenant.findById(tenant) != null));
        EventTopics.publish(Alerts.of(tenant).host(host).malware(severity));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.incidentsOf(tenant).size() == 1);
        return Db.incidentsOf(tenant).get(0).id;
    }
}
