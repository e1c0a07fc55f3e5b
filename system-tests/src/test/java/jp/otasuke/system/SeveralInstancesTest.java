package jp.otasuke.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.sun.net.httpserver.HttpServer;

import jp.otasuke.infra.mail.Mailbox;
import jp.otasuke.infra.platform.PackagedService;
import jp.otasuke.infra.story.Story;
import jp.otasuke.infra.testing.TestServers;
import jp.otasuke.web.Chromium;

/**
 * Two instances of every service and of web on one Kafka, PostgreSQL and Keycloak (issue 28): sensors post to either
 * ingest, a whole story is played through the second instances, an operator watches the queue in Chromium through an
 * ingress in front of both webs, and the first instance of everything is SIGKILLed mid-run. Afterwards nothing was lost,
 * nothing happened twice, and the operator's page went on live on the second web without a reload.
 */
@Order(Integer.MAX_VALUE) // last: it leaves the first instances dead (junit-platform.properties)
class SeveralInstancesTest {

    /** Somewhere of its own, so the planner never gives this story's job to another test's engineer. */
    private static final Story.Place SENDAI = new Story.Place("980-0021", "宮城県", "仙台市青葉区中央1-1-1", 38.2601, 140.8824,
            38.2682, 140.8694);

    private final SystemPlatform platform = SystemPlatform.get();

    @Test
    void twoOfEveryServiceOneOfEachKilledMidRunNothingLostNothingTwice() throws Exception {
        platform.startSecondInstances();
        List<Integer> webs = platform.startWebs();
        List<String> deliveries = new CopyOnWriteArrayList<>();
        HttpServer insurer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        insurer.createContext("/claims", exchange -> {
            exchange.getRequestBody().readAllBytes();
            deliveries.add(exchange.getRequestHeaders().getFirst("X-Otasuke-Delivery") + " "
                    + exchange.getRequestHeaders().getFirst("X-Otasuke-Event"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        insurer.start();
        try (Ingress ingress = new Ingress(webs); Chromium chromium = new Chromium()) {
            Sensors first = Sensors.onboard(platform.url(PackagedService.INGEST));
            Sensors second = Sensors.onboard(platform.url(PackagedService.INGEST)).through(platform.secondEndpoints().ingest());
            // an operator's queue, live, through the one address in front of both web instances (served by the first)
            Page queue = Chromium.signIn(chromium.desk(), ingress.url() + "soc/", "soc-1", "soc-1");
            assertThat(queue.locator("h1")).containsText("対応キュー");
            assertThat(queue.locator(".live")).hasText("ライブ更新中");
            assertEquals(0, ingress.connectionsTo(webs.get(1)), "the browser has met only the first web instance");
            Sensors.Stream toFirst = first.stream("two-first", 40);
            Sensors.Stream toSecond = second.stream("two-second", 40);
            toFirst.start();
            toSecond.start();
            CompletableFuture<Story.Told> story = CompletableFuture.supplyAsync(() -> new Story(platform.secondEndpoints(),
                    line -> System.out.println("[story on the second instances] " + line), SENDAI)
                    .play("http://127.0.0.1:" + insurer.getAddress().getPort() + "/claims"));

            Thread.sleep(8_000);
            PackagedService.ALL.forEach(platform::kill);
            platform.kill(PackagedService.WEB);
            System.out.println("SEVERAL: the first instance of every service and of web killed (SIGKILL)");
            // an incident opened while the browser's live feed is down: it reconnects through the ingress to the second
            // web instance, which does not know the position it resumes from, says "resync", and the queue re-reads; the
            // incident itself may wait for the killed triage's partitions (45 s session timeout) and outbox lanes (45 s lease)
            long killedAt = System.nanoTime();
            String title = "Resync check " + UUID.randomUUID().toString().substring(0, 8);
            assertTrue(second.send("resync-1", "RANSOMWARE", "CRITICAL", "resync-pc", title));
            assertThat(queue.locator("tbody tr", new Page.LocatorOptions().setHasText(title)))
                    .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(150_000));
            assertThat(queue.locator(".live")).hasText("ライブ更新中");
            assertTrue(ingress.connectionsTo(webs.get(1)) > 0, "the browser went on with the second web instance");
            System.out.printf("SEVERAL: the operator's queue showed the new incident %d s after the kill, live on the second web"
                    + " (%d connections to it)%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killedAt),
                    ingress.connectionsTo(webs.get(1)));
            Story.Told told = story.get(6, TimeUnit.MINUTES);
            Thread.sleep(3_000);
            toFirst.finish();
            toSecond.finish();

            for (Sensors.Stream stream : List.of(toFirst, toSecond)) {
                Sensors sme = stream == toFirst ? first : second;
                String prefix = stream == toFirst ? "two-first" : "two-second";
                long stored = platform.storedAlerts(sme.tenantId, prefix, stream.accepted.get());
                System.out.printf("SEVERAL %s: sent %d, accepted %d, refused %d, stored %d%n", prefix, stream.sent(),
                        stream.accepted.get(), stream.refused.get(), stored);
                // an alert ingest took just before it was killed may be stored although its 202 never reached the sensor
                // (which would send it again, and it would be skipped as a duplicate): stored lies between accepted and sent
                assertTrue(stored >= stream.accepted.get() && stored <= stream.sent(), "every accepted alert stored (" + prefix + ")");
                if (stream == toSecond) {
                    assertEquals(stream.accepted.get(), stored, "its ingest was not killed: exactly what it accepted");
                }
                assertEquals(stored, platform.count("triage", "select count(distinct source_ref) from incident_alert where tenant_id = '"
                        + sme.tenantId + "' and source_ref like '" + prefix + "-%'"), "none stored twice (" + prefix + ")");
                long resyncCheck = stream == toSecond ? 1 : 0; // the alert that opened the incident the browser waited for
                assertEquals(stored + resyncCheck, platform.alertsCounted(sme.tenantId), "each counted once (" + prefix + ")");
            }
            assertEquals(0, platform.count("triage", "select count(*) from (select tenant_id, correlation_key, family from incident"
                    + " where tenant_id in ('" + first.tenantId + "', '" + second.tenantId + "')"
                    + " and status not in ('RESOLVED', 'CLOSED', 'MERGED') and correlation_key is not null"
                    + " group by 1, 2, 3 having count(*) > 1) twice"), "one open incident per correlation");
            assertEquals(0, platform.count("dispatch", "select count(*) from (select request_id from dispatch_job"
                    + " group by 1 having count(*) > 1) twice"), "one job per on-site request");
            assertEquals(1, platform.count("insurance", "select count(*) from claim where job_id = '" + told.jobId() + "'"),
                    "one claim for the completed job");
            assertEquals(1, platform.count("dispatch", "select count(*) from dispatch_job where request_id in (select request_id"
                    + " from dispatch_job where id = '" + told.jobId() + "')"));

            // each change of the story's claim reached the insurer, and no delivery came twice
            awaitDeliveries(deliveries, told, 3);
            Map<String, Long> byDelivery = deliveries.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertTrue(byDelivery.values().stream().allMatch(n -> n == 1), "each delivery once: " + deliveries);
            // each notice to the SME mailed once
            List<Mailbox.Mail> mails = new Mailbox(TestServers.mail().imapPort(), told.smeContactEmail()).read();
            Map<String, Long> byMessage = mails.stream().collect(Collectors.groupingBy(Mailbox.Mail::messageId, Collectors.counting()));
            assertTrue(!mails.isEmpty() && byMessage.values().stream().allMatch(n -> n == 1),
                    "each notice mailed once: " + mails.stream().map(Mailbox.Mail::subject).toList());
        } finally {
            insurer.stop(0);
        }
    }

    private static void awaitDeliveries(List<String> deliveries, Story.Told told, int atLeast) throws InterruptedException {
        for (int i = 0; i < 120 && deliveries.size() < atLeast; i++) {
            Thread.sleep(500);
        }
        System.out.println("SEVERAL deliveries: " + deliveries + " (claim " + told.claimId() + ")");
    }
}
