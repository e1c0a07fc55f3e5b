package jp.otasuke.notify.notice;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.secrets.SecretBox;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.infra.testing.TestServers;

/**
 * The real mail server stalled (SIGSTOP: it takes the connection and says nothing; issue 28, "a slow world"): the team chat is told all the
 * same, no lock or transaction waits on the mail server, and the mail is tried again later, not sent twice.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = {@ResourceArg(name = "database", value = "notify"),
        @ResourceArg(name = "mail", value = "true")})
class StalledMailServerTest {

    @Inject
    SecretBox secrets;

    @Test
    void whileTheMailServerStallsTheChatIsToldAndNothingWaitsOnTheMailInATransaction() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        HttpServer chat = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        chat.createContext("/chat", exchange -> {
            exchange.getRequestBody().readAllBytes();
            posts.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        chat.start();
        TestServers.mail().stall();
        try {
            UUID mail = notice(Notice.RecipientKind.USER, "soc-1");
            // claimed: its mail is on its way to the mail server, which will not answer
            await().atMost(Duration.ofSeconds(10)).until(() -> reload(mail).claim != null);
            UUID toChat = notice(Notice.RecipientKind.TEAM_CHAT,
                    secrets.seal("http://127.0.0.1:" + chat.getAddress().getPort() + "/chat"));

            await().atMost(Duration.ofSeconds(10)).until(() -> Notice.SENT.equals(reload(toChat).status));
            Notice waiting = reload(mail);
            assertEquals(Notice.PENDING, waiting.status, "the mail server has not answered");
            assertTrue(QuarkusTransaction.requiringNew().call(() -> Notice.getEntityManager()
                    .createNativeQuery("select id from notice where id = ?1 for update nowait").setParameter(1, mail)
                    .getResultList().size() == 1), "no lock on the notice being mailed");
            assertEquals(0L, ((Number) QuarkusTransaction.requiringNew().call(() -> Notice.getEntityManager().createNativeQuery(
                    "select count(*) from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'"
                            + " and now() - xact_start > interval '2 seconds'").getSingleResult())).longValue(),
                    "no transaction kept open while the mail server stalls");

            Notice tried = await().atMost(Duration.ofSeconds(60)).until(() -> reload(mail),
                    n -> n.attempts > 0 || !Notice.PENDING.equals(n.status));
            assertEquals(Notice.PENDING, tried.status, "tried again later, not " + tried.status + " after " + tried.attempts + " attempts (channels " + tried.channelsSent
                    + ", " + tried.lastError + ")");
            assertTrue(tried.lastError.contains("mail server"), tried.lastError);
            assertTrue(tried.channelsSent.isEmpty());
            assertEquals(1, posts.get(), "the chat was told once");
        } finally {
            TestServers.mail().resume();
            chat.stop(0);
        }
    }

    private static UUID notice(Notice.RecipientKind kind, String recipient) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Notice notice = new Notice();
            notice.id = UUID.randomUUID();
            notice.dedupeKey = "stall-test-" + notice.id;
            notice.incidentId = UUID.randomUUID();
            notice.tenantId = UUID.randomUUID();
            notice.audience = Notice.Audience.SOC.name();
            notice.recipientKind = kind.name();
            notice.recipient = recipient;
            notice.about = "soc.opened";
            notice.facts = Map.of("priority", "P1", "tenant", "停滞試験商会-" + UUID.randomUUID(), "title", "Trojan on pc-keiri", "ackDueAt", Instant.now().plusSeconds(900).toString());
            notice.priority = "P1";
            notice.status = Notice.PENDING;
            notice.channelsSent = List.of();
            notice.nextAttemptAt = Instant.now();
            notice.createdAt = Instant.now();
            notice.persist();
            return notice.id;
        });
    }

    private static Notice reload(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Notice.<Notice>findById(id));
    }
}
