package jp.otasuke.insurance.webhook;

import jp.otasuke.common.secrets.SecretBox;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.IncidentOpened;
import jp.otasuke.common.testing.ApiUser;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.insurance.Claims;
import jp.otasuke.insurance.claim.Claim;

/** An insurer's receiver, started by the test: it gets every claim change, signed, retried until it answers 2xx. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "insurance"))
class WebhookDeliveryTest {

    private static final String SECRET = "whsec-insurer-a-0123456789";

    @Inject
    SecretBox secrets;

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    private record Received(String signature, String body, String event, String traceParent) {
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheChangeOnTheThirdTryWithAValidSignatureAndInOrder() throws Exception {
        failuresLeft.set(2);
        String url = startReceiver();
        ApiUser insurerA = ApiUser.client("insurer-a", "insurer-a-secret");
        insurerA.json(Map.of("url", url, "secret", SECRET)).when().post("/api/v1/webhooks").then().statusCode(201)
                .body("url", equalTo(url)).body("secret", equalTo(null));
        Claims world = new Claims();
        world.known().policy("INS-A", 1_000_000);
        IncidentOpened incident = world.incident();
        Claim claim = world.claimFor(incident, world.completed(incident));
        String etag = insurerA.request().when().get("/api/v1/claims/{id}", claim.id).then().extract().header("ETag");
        insurerA.json(Map.of("outcome", "APPROVED", "approvedYen", claim.payableYen, "reason", "ok")).header("If-Match", etag)
                .when().post("/api/v1/claims/{id}/decision", claim.id).then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 2);
        assertEquals(List.of("otasuke.claim.opened.v1", "otasuke.claim.decided.v1"), received.stream().map(Received::event).toList(),
                "in order per claim, although the first one was retried");
        for (Received r : received) {
            String[] parts = r.signature().split(",");
            String t = parts[0].substring(2);
            assertEquals("v1=" + Signature.hmac(SECRET, t + "." + r.body()), parts[1]);
            assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) < 60);
            assertTrue(r.body().contains(claim.id.toString()));
        }
        insurerA.request().when().get("/api/v1/webhooks/deliveries").then().statusCode(200)
                .body("items.find { it.claimId == '" + claim.id + "' && it.eventType == 'otasuke.claim.opened.v1' }.attempts",
                        equalTo(3))
                .body("items.find { it.claimId == '" + claim.id + "' && it.eventType == 'otasuke.claim.opened.v1' }.status",
                        equalTo("DELIVERED"));
        ApiUser.client("insurer-b", "insurer-b-secret").request().when().get("/api/v1/webhooks/deliveries").then()
                .body("items.findAll { it.claimId == '" + claim.id + "' }.size()", equalTo(0));
    }

    @Test
    void aClaimChangeReachesTheInsurerInTheTraceOfTheDecisionThatMadeIt() throws Exception {
        String url = startReceiver();
        ApiUser insurerA = ApiUser.client("insurer-a", "insurer-a-secret");
        insurerA.json(Map.of("url", url, "secret", SECRET)).when().post("/api/v1/webhooks").then().statusCode(201);
        Claims world = new Claims();
        world.known().policy("INS-A", 1_000_000);
        IncidentOpened incident = world.incident();
        Claim claim = world.claimFor(incident, world.completed(incident));
        String etag = insurerA.request().when().get("/api/v1/claims/{id}", claim.id).then().extract().header("ETag");
        String trace = "5af7651916cd43dd8448eb211c80319d";
        insurerA.json(Map.of("outcome", "APPROVED", "approvedYen", claim.payableYen, "reason", "ok")).header("If-Match", etag)
                .header("traceparent", "00-" + trace + "-c7ad6b7169203331-00")
                .when().post("/api/v1/claims/{id}/decision", claim.id).then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> received.stream()
                .anyMatch(r -> r.event().equals("otasuke.claim.decided.v1") && r.body().contains(claim.id.toString())));
        Received decided = received.stream().filter(r -> r.event().equals("otasuke.claim.decided.v1")
                && r.body().contains(claim.id.toString())).findFirst().orElseThrow();
        assertEquals(trace, decided.traceParent().split("-")[1], "the decision's trace, for the insurer's side to join");
    }

    @Test
    void deliveriesLeftPendingByAPreviousRunAreDelivered() throws Exception {
        String url = startReceiver();
        UUID claimId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Webhook webhook = new Webhook();
            webhook.id = UUID.randomUUID();
            webhook.insurerId = "INS-TEST-" + claimId;
            webhook.url = url;
            webhook.secretCiphertext = secrets.seal(SECRET);
            webhook.createdAt = Instant.now().minusSeconds(3600);
            webhook.persist();
            for (String event : List.of("otasuke.claim.opened.v1", "otasuke.claim.decided.v1")) {
                WebhookDelivery pending = new WebhookDelivery();
                pending.webhookId = webhook.id;
                pending.insurerId = webhook.insurerId;
                pending.claimId = claimId;
                pending.eventType = event;
                pending.body = "{\"type\":\"" + event + "\",\"claim\":{\"id\":\"" + claimId + "\"}}";
                pending.status = WebhookDelivery.PENDING;
                pending.attempts = 4;
                pending.createdAt = Instant.now().minusSeconds(600);
                pending.nextAttemptAt = Instant.now().minusSeconds(1);
                pending.persist();
            }
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 2);
        assertEquals(List.of("otasuke.claim.opened.v1", "otasuke.claim.decided.v1"), received.stream().map(Received::event).toList());
    }

    @Test
    void aReceiverThatTakesThirtySecondsGetsTheChangeOnceAndHoldsNothingUpMeanwhile() throws Exception {
        String url = startReceiver();
        HttpServer slowInsurer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> slowlyReceived = new CopyOnWriteArrayList<>();
        slowInsurer.createContext("/hooks/claims", exchange -> {
            slowlyReceived.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            sleep(Duration.ofSeconds(30));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        slowInsurer.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        slowInsurer.start();
        try {
            long slow = pending(webhook("http://127.0.0.1:" + slowInsurer.getAddress().getPort() + "/hooks/claims"), UUID.randomUUID(),
                    "otasuke.claim.opened.v1");
            await().atMost(Duration.ofSeconds(10)).until(() -> slowlyReceived.size() == 1);

            long fast = pending(webhook(url), UUID.randomUUID(), "otasuke.claim.opened.v1");
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
            assertEquals(1, slowlyReceived.size(), "still waiting for the slow receiver, and not sent to it again");
            assertTrue(QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.getEntityManager()
                    .createNativeQuery("select id from webhook_delivery where id = ?1 for update nowait")
                    .setParameter(1, slow).getResultList().size() == 1), "no lock on the delivery being posted");
            assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.getEntityManager().createNativeQuery(
                    "select count(*) from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'"
                            + " and now() - xact_start > interval '2 seconds'").getSingleResult()),
                    "no transaction is kept open while the receiver takes its time");

            await().atMost(Duration.ofSeconds(40)).until(() -> QuarkusTransaction.requiringNew()
                    .call(() -> WebhookDelivery.<WebhookDelivery>findById(slow).status.equals(WebhookDelivery.DELIVERED)));
            WebhookDelivery delivered = QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.findById(slow));
            assertEquals(1, delivered.attempts);
            assertEquals(1, slowlyReceived.size(), "sent once");
            assertEquals(WebhookDelivery.DELIVERED, QuarkusTransaction.requiringNew()
                    .call(() -> WebhookDelivery.<WebhookDelivery>findById(fast).status));
        } finally {
            slowInsurer.stop(0);
        }
    }

    private UUID webhook(String url) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Webhook webhook = new Webhook();
            webhook.id = UUID.randomUUID();
            webhook.insurerId = "INS-TEST-" + webhook.id;
            webhook.url = url;
            webhook.secretCiphertext = secrets.seal(SECRET);
            webhook.createdAt = Instant.now();
            webhook.persist();
            return webhook.id;
        });
    }

    private long pending(UUID webhookId, UUID claimId, String event) {
        return QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery pending = new WebhookDelivery();
            pending.webhookId = webhookId;
            pending.insurerId = Webhook.<Webhook>findById(webhookId).insurerId;
            pending.claimId = claimId;
            pending.eventType = event;
            pending.body = "{\"type\":\"" + event + "\",\"claim\":{\"id\":\"" + claimId + "\"}}";
            pending.status = WebhookDelivery.PENDING;
            pending.createdAt = Instant.now();
            pending.nextAttemptAt = Instant.now();
            pending.persist();
            return pending.id;
        });
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/claims", this::handle);
        receiver.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/claims";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (failuresLeft.getAndDecrement() > 0) {
            exchange.sendResponseHeaders(503, -1);
        } else {
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Otasuke-Signature"), body,
                    exchange.getRequestHeaders().getFirst("X-Otasuke-Event"), exchange.getRequestHeaders().getFirst("traceparent")));
            exchange.sendResponseHeaders(204, -1);
        }
        exchange.close();
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }
}
