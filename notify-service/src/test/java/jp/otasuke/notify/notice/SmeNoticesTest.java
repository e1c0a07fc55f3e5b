package jp.otasuke.notify.notice;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.DispatchJobEnRoute;
import jp.otasuke.common.events.Site;
import jp.otasuke.common.events.TenantUpserted;
import jp.otasuke.common.testing.EventTopics;
import jp.otasuke.infra.mail.Mailbox;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.infra.testing.TestServers;

/** The SME learns by e-mail, in Japanese, from the real mail server, that the engineer is on the way. */
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
    }
}
