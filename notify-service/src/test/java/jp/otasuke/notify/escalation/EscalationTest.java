package jp.otasuke.notify.escalation;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.IncidentKind;
import jp.otasuke.common.events.Enums.Priority;
import jp.otasuke.common.events.IncidentAcknowledged;
import jp.otasuke.common.events.IncidentOpened;
import jp.otasuke.common.testing.ApiUser;
import jp.otasuke.common.testing.EventTopics;
import jp.otasuke.infra.mail.Mailbox;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.infra.testing.TestServers;
import jp.otasuke.notify.testing.Smes;

/**
 * The SOC's night: soc-1 is on call (and has quiet hours now, which a P1 ignores), soc-2 is level 2 of the P1
 * policy (soc-2's rotation turn overridden by soc-1). Mails are read back over IMAP from the real mail server.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = {@ResourceArg(name = "database", value = "notify"),
        @ResourceArg(name = "mail", value = "true")})
class EscalationTest {

    private static final Mailbox ON_CALL = new Mailbox(TestServers.mail().imapPort(), "soc-1@otasuke.example");
    private static final Mailbox LEVEL_2 = new Mailbox(TestServers.mail().imapPort(), "soc-2@otasuke.example");

    @BeforeEach
    void soc1IsOnCallAndSoc2IsTheSecondLevel() {
        ApiUser admin = ApiUser.as("ops-admin");
        admin.json(Map.of("members", List.of("soc-2"), "startsAt", "2026-01-05T09:00:00+09:00", "turnDays", 28))
                .put("/api/v1/on-call/rotation").then().statusCode(200);
        admin.json(Map.of("username", "soc-1", "startsAt", Instant.now().minusSeconds(3600).atOffset(java.time.ZoneOffset.UTC)
                .toString(), "endsAt", Instant.now().plusSeconds(6 * 3600).atOffset(java.time.ZoneOffset.UTC).toString()))
                .post("/api/v1/on-call/overrides").then().statusCode(201);
        admin.json(Map.of("levels", List.of(Map.of("onCall", true), Map.of("onCall", false, "users", List.of("soc-2")))))
                .put("/api/v1/escalation-policies/P1").then().statusCode(200);
        // it is "night" for soc-1: quiet hours around now, which hold anything below P1 but never a P1
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        ZonedDateTime tokyo = ZonedDateTime.now(ZoneId.of("Asia/Tokyo"));
        ApiUser.as("soc-1").json(Map.of("channels", List.of("EMAIL"), "language", "ja", "quietHours",
                Map.of("from", tokyo.minusHours(1).format(hhmm), "until", tokyo.plusHours(2).format(hhmm))))
                .put("/api/v1/me/preferences").then().statusCode(200);
        ApiUser.as("ops-admin").request().get("/api/v1/on-call").then().statusCode(200).body("onCallNow", equalTo("soc-1"));
    }

    @Test
    void aP1AtNightReachesTheOnCallOperatorThenLevelTwoAtHalfItsClockAndStopsWhenAcknowledged() {
        Tenant tenant = tenant("北山精機");
        IncidentOpened opened = p1(tenant, Duration.ofSeconds(20));
        EventTopics.publish(opened);

        Mail first = await().atMost(Duration.ofSeconds(30)).until(() -> about(ON_CALL, tenant), m -> m.size() == 1).get(0);
        assertEquals("[P1] 新しいインシデント：" + tenant.name(), first.subject());
        assertTrue(first.text().contains(opened.title()), first.text());
        assertTrue(about(LEVEL_2, tenant).isEmpty(), "level 2 is not told before half the clock");

        // half of the 20 s clock: the one on call again, and level 2
        String halfClock = "[P1] 未受付のまま半分の時間が過ぎました：" + tenant.name();
        await().atMost(Duration.ofSeconds(30)).until(() -> subjects(LEVEL_2, tenant), s -> s.contains(halfClock));
        await().atMost(Duration.ofSeconds(10)).until(() -> subjects(ON_CALL, tenant), s -> s.contains(halfClock));

        EventTopics.publish(new IncidentAcknowledged(UUID.randomUUID(), Instant.now(), opened.incidentId(), opened.tenantId(), "soc-1"));
        // the clock runs out after the acknowledgement: nobody is told it was breached
        await().pollDelay(Duration.ofSeconds(14)).atMost(Duration.ofSeconds(20)).until(() -> true);
        assertEquals(List.of("[P1] 新しいインシデント：" + tenant.name(), halfClock), subjects(ON_CALL, tenant));
        assertEquals(List.of(halfClock), subjects(LEVEL_2, tenant));
    }

    @Test
    void aP1AcknowledgedAtOnceIsNeverEscalated() {
        Tenant tenant = tenant("嵐山製菓");
        IncidentOpened opened = p1(tenant, Duration.ofSeconds(6));
        EventTopics.publish(opened);
        await().atMost(Duration.ofSeconds(30)).until(() -> about(ON_CALL, tenant), m -> m.size() == 1);

        EventTopics.publish(new IncidentAcknowledged(UUID.randomUUID(), Instant.now(), opened.incidentId(), opened.tenantId(), "soc-1"));
        await().pollDelay(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(15)).until(() -> true);
        assertEquals(List.of("[P1] 新しいインシデント：" + tenant.name()), subjects(ON_CALL, tenant));
        assertTrue(about(LEVEL_2, tenant).isEmpty());
    }

    private record Mail(String subject, String text) {
    }

    private record Tenant(UUID id, String name) {
    }

    /** A tenant of its own per test, so that each test reads only its own mails. */
    private static Tenant tenant(String name) {
        Smes.Sme sme = Smes.known(name + "-" + UUID.randomUUID().toString().substring(0, 6));
        return new Tenant(sme.tenantId(), sme.name());
    }

    private static IncidentOpened p1(Tenant tenant, Duration clock) {
        Instant now = Instant.now();
        return new IncidentOpened(UUID.randomUUID(), now, UUID.randomUUID(), tenant.id(), IncidentKind.ALERT,
                "ランサムウェアの疑い（" + tenant.name() + "）", AlertCategory.RANSOMWARE, Priority.P1, "OPEN", now.plus(clock), null);
    }

    private static List<Mail> about(Mailbox mailbox, Tenant tenant) {
        return mailbox.read().stream().filter(m -> m.subject().endsWith(tenant.name())).map(m -> new Mail(m.subject(), m.text())).toList();
    }

    private static List<String> subjects(Mailbox mailbox, Tenant tenant) {
        return about(mailbox, tenant).stream().map(Mail::subject).toList();
    }

    @Test
    void anOverrideIsWhereItsLocationSays() {
        ApiUser admin = ApiUser.as("ops-admin");
        var created = admin.json(Map.of("username", "soc-2", "startsAt", "2030-01-01T09:00:00+09:00",
                "endsAt", "2030-01-01T18:00:00+09:00")).post("/api/v1/on-call/overrides").then().statusCode(201).extract();
        ApiUser.as("soc-1").follow(created.header("Location")).statusCode(200).body("username", org.hamcrest.Matchers.equalTo("soc-2"));
        admin.request().delete(java.net.URI.create(created.header("Location")).getPath()).then().statusCode(204);
        admin.follow(created.header("Location")).statusCode(404);
    }

}
