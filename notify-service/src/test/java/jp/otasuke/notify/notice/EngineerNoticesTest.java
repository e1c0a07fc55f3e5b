package jp.otasuke.notify.notice;

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

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.DispatchJobAssigned;
import jp.otasuke.common.events.DispatchJobCancelled;
import jp.otasuke.common.testing.ApiUser;
import jp.otasuke.common.testing.EventTopics;
import jp.otasuke.infra.mail.Mailbox;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.infra.testing.TestServers;
import jp.otasuke.infra.testing.TestUsers;
import jp.otasuke.notify.testing.Smes;

/**
 * The field engineers, found in Keycloak by their engineer id and told by mail: a new job with the address and the
 * arrival time, the job given to someone else when the plan changes, and its cancellation; nothing below P1 in their
 * quiet hours.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = {@ResourceArg(name = "database", value = "notify"),
        @ResourceArg(name = "mail", value = "true")})
class EngineerNoticesTest {

    @Test
    void theEngineerHearsOfTheJobTheOtherThatItWasTakenOffThemAndThenThatItWasCancelled() {
        Smes.Sme sme = Smes.known("高槻製作所");
        UUID sato = UUID.randomUUID();
        UUID suzuki = UUID.randomUUID();
        Mailbox satoMail = new Mailbox(TestServers.mail().imapPort(), TestUsers.fieldEngineer(TestServers.keycloak(), sato) + "@example.jp");
        Mailbox suzukiMail = new Mailbox(TestServers.mail().imapPort(), TestUsers.fieldEngineer(TestServers.keycloak(), suzuki)
                + "@example.jp");
        UUID job = UUID.randomUUID();
        UUID incident = UUID.randomUUID();

        EventTopics.publish(new DispatchJobAssigned(UUID.randomUUID(), Instant.now(), job, incident, sme.tenantId(), sato, "佐藤 健二",
                Instant.parse("2026-12-07T01:30:00Z"), null, jp.otasuke.common.events.Enums.Urgency.IMMEDIATE,
                Instant.parse("2026-12-07T03:00:00Z"), "感染端末の隔離と証拠保全"));
        Mailbox.Mail assigned = await().atMost(Duration.ofSeconds(60)).until(satoMail::read, m -> !m.isEmpty()).get(0);
        assertEquals("【出動】高槻製作所（12月7日 10:30ごろ到着予定）", assigned.subject());
        assertTrue(assigned.text().contains("訪問先：高槻製作所"), assigned.text());
        // why, by when, how urgent, and whom to call, before setting off
        assertTrue(assigned.text().contains("緊急度：至急（4時間以内）"), assigned.text());
        assertTrue(assigned.text().contains("期限：12月7日 12:00"), assigned.text());
        assertTrue(assigned.text().contains("依頼内容：感染端末の隔離と証拠保全"), assigned.text());
        assertTrue(assigned.text().contains("現地の連絡先：" + Smes.PHONE), assigned.text());
        assertTrue(assigned.text().contains("/field/"), assigned.text());

        // the planner gives the job to Suzuki, who is nearer
        EventTopics.publish(new DispatchJobAssigned(UUID.randomUUID(), Instant.now(), job, incident, sme.tenantId(), suzuki,
                "鈴木 一郎", Instant.parse("2026-12-07T01:10:00Z")));
        await().atMost(Duration.ofSeconds(60)).until(() -> subjects(suzukiMail).size() == 1 && subjects(satoMail).size() == 2);
        assertEquals(List.of("【出動】高槻製作所（12月7日 10:10ごろ到着予定）"), subjects(suzukiMail));
        assertEquals("【出動の変更】高槻製作所 は別のエンジニアが担当します", subjects(satoMail).get(1));

        // the SOC resolved the incident remotely: only the one who has the job now is told
        EventTopics.publish(new DispatchJobCancelled(UUID.randomUUID(), Instant.now(), job, incident, sme.tenantId(),
                "Resolved remotely"));
        await().atMost(Duration.ofSeconds(60)).until(() -> subjects(suzukiMail).size() == 2);
        assertEquals("【出動の取りやめ】高槻製作所", subjects(suzukiMail).get(1));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> subjects(satoMail).size() == 2);
    }

    @Test
    void aNewJobBelowP1WaitsForTheEndOfTheEngineersQuietHours() {
        Smes.Sme sme = Smes.known("亀岡農園");
        UUID engineer = UUID.randomUUID();
        String username = TestUsers.fieldEngineer(TestServers.keycloak(), engineer);
        Mailbox mailbox = new Mailbox(TestServers.mail().imapPort(), username + "@example.jp");
        ZonedDateTime tokyo = ZonedDateTime.now(ZoneId.of("Asia/Tokyo"));
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        ApiUser.as(username).json(Map.of("channels", List.of("EMAIL"), "quietHours",
                Map.of("from", tokyo.minusHours(1).format(hhmm), "until", tokyo.plusHours(2).format(hhmm))))
                .put("/api/v1/me/preferences").then().statusCode(200);

        UUID incident = UUID.randomUUID();
        EventTopics.publish(new DispatchJobAssigned(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), incident, sme.tenantId(),
                engineer, "森 由美", Instant.now().plus(Duration.ofHours(3))));

        // written, held (not lost, not sent) until the quiet hours end
        ApiUser soc = ApiUser.as("soc-1");
        await().atMost(Duration.ofSeconds(30)).until(() -> "Held for the reader's quiet hours".equals(soc.request()
                .get("/api/v1/incidents/" + incident + "/notices").then().extract().path("[0].lastError")));
        soc.request().get("/api/v1/incidents/" + incident + "/notices").then().statusCode(200)
                .body("[0].status", equalTo("PENDING"));
        assertTrue(mailbox.read().isEmpty(), "nothing sent in the quiet hours");
    }

    private static List<String> subjects(Mailbox mailbox) {
        return mailbox.read().stream().map(Mailbox.Mail::subject).toList();
    }
}
