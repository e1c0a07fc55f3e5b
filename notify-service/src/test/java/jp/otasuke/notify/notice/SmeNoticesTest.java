package jp.otasuke.notify.notice;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.ClaimOpened;
import jp.otasuke.common.events.ClaimPaid;
import jp.otasuke.common.events.IncidentOpened;
import jp.otasuke.common.events.DispatchJobArrived;
import jp.otasuke.common.events.DispatchJobEnRoute;
import jp.otasuke.common.events.Site;
import jp.otasuke.common.events.TenantUpserted;
import jp.otasuke.common.testing.ApiUser;
import jp.otasuke.common.testing.EventTopics;
import jp.otasuke.infra.mail.Mailbox;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.infra.testing.TestServers;
import jp.otasuke.notify.testing.Smes;

/** The SME learns by e-mail, in Japanese, read back from the real mail server: the engineer on the way, the claim paid. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = {@ResourceArg(name = "database", value = "notify"),
        @ResourceArg(name = "mail", value = "true")})
class SmeNoticesTest {

    @Test
    void theSmeIsToldInJapaneseThatTheEngineerIsOnTheWayOnceEvenWhenTheEventComesTwice() {
        UUID tenant = UUID.randomUUID();
        String contact = "owner-" + tenant.toString().substring(0, 8) + "@kyoto-seika.example";
        EventTopics.publish(new TenantUpserted(UUID.randomUUID(), Instant.now(), tenant, "京都精華工業", "manufacturing", contact,
                "075-000-0000", new Site("600-8216", "京都府", "京都市下京区東塩小路町", 34.98, 135.76), null, true));
        DispatchJobEnRoute enRoute = new DispatchJobEnRoute(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                tenant, UUID.randomUUID(), "佐藤 健二", Instant.parse("2026-12-02T06:30:00Z"));
        EventTopics.publish(enRoute);
        EventTopics.publish(enRoute); // redelivered

        Mailbox mailbox = new Mailbox(TestServers.mail().imapPort(), contact);
        List<Mailbox.Mail> mails = await().atMost(Duration.ofSeconds(60)).until(mailbox::read, m -> !m.isEmpty());

        Mailbox.Mail mail = mails.get(0);
        assertEquals("【お助け隊】エンジニアがそちらに向かっています（12月2日 15:30ごろ到着予定）", mail.subject());
        assertTrue(mail.text().contains("エンジニアの佐藤 健二が御社に向かっています"), mail.text());
        assertTrue(mail.text().contains("/my/#/incidents/" + enRoute.incidentId()), mail.text());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> mailbox.read().size() == 1);

        // the SOC sees who was told and how; the mail's Message-ID is the notice's id (a resent mail shows once)
        String noticeId = ApiUser.as("soc-1").request().get("/api/v1/incidents/" + enRoute.incidentId() + "/notices").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].recipient", equalTo("SME contact"))
                .body("[0].status", equalTo("SENT")).body("[0].channelsSent", equalTo(List.of("EMAIL")))
                .extract().path("[0].id");
        assertEquals("<" + noticeId + "@notices.otasuke-soc>", mail.messageId());
    }

    @Test
    void theSmeIsToldTheAmountTheInsurerPaid() {
        Contact sme = sme("嵯峨野印刷");
        ClaimPaid paid = new ClaimPaid(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), "CLM-2026-0042", UUID.randomUUID(),
                sme.tenant(), "insurer-a", 138_600, LocalDate.parse("2026-12-04"), "PAY-778");
        EventTopics.publish(paid);

        Mailbox.Mail mail = await().atMost(Duration.ofSeconds(60)).until(sme.mailbox()::read, m -> !m.isEmpty()).get(0);
        assertEquals("【お助け隊】保険金 138,600円 が支払われました", mail.subject());
        assertTrue(mail.text().contains("保険会社から 138,600円 が支払われました（請求番号 CLM-2026-0042、支払日 2026年12月4日）"),
                mail.text());
    }

    @Test
    void noticesWrittenWhileTheMailServerIsDownAllArriveOnceWhenItReturns() {
        Contact sme = sme("伏見酒造");
        UUID incident = UUID.randomUUID();
        UUID job = UUID.randomUUID();
        TestServers.mail().stop();
        try {
            EventTopics.publish(new DispatchJobEnRoute(UUID.randomUUID(), Instant.now(), job, incident, sme.tenant(), UUID.randomUUID(),
                    "田中 一郎", Instant.parse("2026-12-05T01:00:00Z")));
            EventTopics.publish(new DispatchJobArrived(UUID.randomUUID(), Instant.now(), job, incident, sme.tenant(), UUID.randomUUID(),
                    Instant.parse("2026-12-05T00:55:00Z"), false));
            EventTopics.publish(new ClaimPaid(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), "CLM-2026-0043", incident,
                    sme.tenant(), "insurer-a", 52_800, LocalDate.parse("2026-12-05"), "PAY-779"));
            // long enough for every notice to fail and be retried several times (test backoff: 0.3 s doubling to 2 s)
            await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(10)).until(() -> true);
        } finally {
            TestServers.mail().start();
        }

        List<String> expected = List.of("【お助け隊】エンジニアがそちらに向かっています（12月5日 10:00ごろ到着予定）",
                "【お助け隊】エンジニアが到着しました", "【お助け隊】保険金 52,800円 が支払われました");
        await().atMost(Duration.ofSeconds(60)).until(() -> subjects(sme), s -> s.size() >= expected.size());
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> subjects(sme).size() == expected.size());
        assertEquals(expected.stream().sorted().toList(), subjects(sme).stream().sorted().toList());
    }

    @Test
    void theSmeIsToldWhichMachineWhatItPaysItselfAndWhomToCall() {
        Contact sme = sme("宇治精密");
        UUID incident = UUID.randomUUID();
        EventTopics.publish(new IncidentOpened(UUID.randomUUID(), Instant.now(), incident, sme.tenant(),
                jp.otasuke.common.events.Enums.IncidentKind.ALERT, "Trojan on pc-keiri",
                jp.otasuke.common.events.Enums.AlertCategory.MALWARE, jp.otasuke.common.events.Enums.Priority.P1, "OPEN",
                Instant.now().plusSeconds(900), null, List.of("pc-keiri")));
        Mailbox.Mail opened = await().atMost(Duration.ofSeconds(60)).until(sme.mailbox()::read, m -> !m.isEmpty()).get(0);
        assertTrue(opened.text().contains("対象の機器：pc-keiri"), opened.text());
        assertTrue(opened.text().contains("お助け隊窓口（0120-000-000、24時間受付）までお電話ください"), opened.text());

        EventTopics.publish(new ClaimOpened(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), "CLM-2026-0077", incident,
                UUID.randomUUID(), sme.tenant(), UUID.randomUUID(), "insurer-a", "SUBMITTED", 5_425, 425));
        Mailbox.Mail claim = await().atMost(Duration.ofSeconds(60)).until(sme.mailbox()::read, m -> m.size() == 2).stream()
                .filter(m -> m.subject().equals("【お助け隊】駆付け費用と保険のご案内")).findFirst().orElseThrow();
        assertTrue(claim.text().contains("保険から支払われる見込みの額：425円"), claim.text());
        assertTrue(claim.text().contains("御社のご負担（免責金額など）：5,000円"), claim.text());
    }

    @Test
    void aPortalUserWhoChoseHowToBeToldIsToldTooInTheirLanguage() {
        Contact sme = sme("伏見酒造");
        String user = jp.otasuke.infra.testing.TestUsers.smeUser(TestServers.keycloak(), sme.tenant());
        ApiUser.as(user, user).json(java.util.Map.of("channels", List.of("EMAIL"), "language", "en"))
                .when().put("/api/v1/me/preferences").then().statusCode(200);
        DispatchJobEnRoute enRoute = new DispatchJobEnRoute(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                sme.tenant(), UUID.randomUUID(), "佐藤 健二", Instant.parse("2026-12-02T06:30:00Z"));
        EventTopics.publish(enRoute);

        Mailbox userMail = new Mailbox(TestServers.mail().imapPort(), user + "@example.jp");
        Mailbox.Mail theirs = await().atMost(Duration.ofSeconds(60)).until(userMail::read, m -> !m.isEmpty()).get(0);
        assertTrue(theirs.subject().startsWith("[Otasuke-tai]"), theirs.subject());
        Mailbox.Mail contacts = await().atMost(Duration.ofSeconds(60)).until(sme.mailbox()::read, m -> !m.isEmpty()).get(0);
        assertTrue(contacts.subject().startsWith("【お助け隊】"), contacts.subject());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> userMail.read().size() == 1 && sme.mailbox().read().size() == 1);
    }

    private record Contact(UUID tenant, Mailbox mailbox) {
    }

    /** A tenant of its own, with the contact address its mails go to. */
    private static Contact sme(String name) {
        Smes.Sme sme = Smes.known(name);
        return new Contact(sme.tenantId(), new Mailbox(TestServers.mail().imapPort(), sme.contactEmail()));
    }

    private static List<String> subjects(Contact sme) {
        return sme.mailbox().read().stream().map(Mailbox.Mail::subject).toList();
    }
}
