package jp.otasuke.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import jp.otasuke.infra.mail.Mailbox;
import jp.otasuke.infra.story.Story;
import jp.otasuke.infra.testing.Tokens;
import jp.otasuke.infra.testing.TestServers;

/**
 * The whole story on the packaged services, with real tokens: from real sensor lines to a paid claim, as the
 * administrator, the SOC, the engineer, the insurer and the SME live it (the SME and the engineer also by mail) — and
 * what each must not see.
 */
class WholeStoryTest {

    private static final String WEBHOOK_SECRET = "whsec-demo-insurer-a-2026";
    private final SystemPlatform platform = SystemPlatform.get();

    @Test
    void fromTheFirstAlertToThePaidClaimEachUserSeesTheirPartAndNothingElse() throws Exception {
        List<String[]> webhooks = new CopyOnWriteArrayList<>();
        HttpServer insurerSystem = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        insurerSystem.createContext("/claims", exchange -> {
            webhooks.add(new String[] {exchange.getRequestHeaders().getFirst("X-Otasuke-Signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Otasuke-Event")});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        insurerSystem.start();
        try {
            Story.Told told = new Story(platform.endpoints(), System.out::println)
                    .play("http://127.0.0.1:" + insurerSystem.getAddress().getPort() + "/claims");

            // the SME's customer timeline, end to end, in its own words
            String timeline = String.join("\n", told.smeTimeline());
            assertTrue(timeline.contains("dispatch.job-en-route: Engineer Sato Kenji is on the way"), timeline);
            assertTrue(timeline.contains("dispatch.job-arrived: The engineer arrived"), timeline);
            // amounts read as people write them: 12,225 yen
            assertTrue(timeline.contains("claim.paid: The insurer paid " + String.format(java.util.Locale.ROOT, "%,d", told.paidYen())
                    + " yen."), timeline);
            assertTrue(told.smeTimeline().stream().noneMatch(l -> l.contains("ET WEB_SPECIFIC_APPS")), "no raw alert text");

            // the insurer's system got every change of the claim, signed with its secret, in order
            awaitWebhooks(webhooks, 3);
            assertEquals(List.of("otasuke.claim.opened.v1", "otasuke.claim.decided.v1", "otasuke.claim.paid.v1"),
                    webhooks.stream().filter(w -> w[1].contains(told.claimId().toString())).map(w -> w[2]).toList());
            for (String[] w : webhooks) {
                String t = w[0].substring(2, w[0].indexOf(','));
                assertEquals("v1=" + hmac(WEBHOOK_SECRET, t + "." + w[1]), w[0].substring(w[0].indexOf(',') + 1));
            }

            // insurer-b sees nothing of it; another SME sees nothing of it
            String insurerB = Tokens.forClient(TestServers.keycloak().realmUrl(), "insurer-b", "insurer-b-secret");
            assertEquals(404, get(platform.endpoints().insurance() + "/api/v1/claims/" + told.claimId(), insurerB).statusCode());
            assertTrue(!get(platform.endpoints().insurance() + "/api/v1/claims", insurerB).body().contains(told.claimId().toString()));
            String otherSme = Tokens.forUser(TestServers.keycloak().realmUrl(), jp.otasuke.infra.testing.TestUsers.smeUser(
                    TestServers.keycloak(), java.util.UUID.randomUUID()));
            assertEquals(404, get(platform.endpoints().triage() + "/api/v1/incidents/" + told.incidentId(), otherSme).statusCode());
            assertEquals(404, get(platform.endpoints().dispatch() + "/api/v1/jobs/" + told.jobId(), otherSme).statusCode());
            assertEquals(404, get(platform.endpoints().insurance() + "/api/v1/claims/" + told.claimId(), otherSme).statusCode());
            assertTrue(get(platform.endpoints().triage() + "/api/v1/incidents", otherSme).body().contains("\"items\":[]"));

            // the SME itself sees its incident, job and claim
            String sme = Tokens.forUser(TestServers.keycloak().realmUrl(), told.smeUser(), told.smePassword());
            HttpResponse<String> incident = get(platform.endpoints().triage() + "/api/v1/incidents/" + told.incidentId(), sme);
            assertEquals(200, incident.statusCode());
            assertTrue(incident.body().contains("\"claim\":{\"claimId\":\"" + told.claimId() + "\",\"status\":\"PAID\"}"),
                    incident.body());

            // the SME was told by mail, in Japanese, each step once; the engineer of the new job
            Mailbox smeMail = new Mailbox(TestServers.mail().imapPort(), told.smeContactEmail());
            String paid = "【お助け隊】保険金 " + String.format(java.util.Locale.ROOT, "%,d", told.paidYen()) + "円 が支払われました";
            List<String> smeSubjects = awaitSubjects(smeMail, paid);
            for (String expected : List.of("【お助け隊】エンジニアがそちらに向かっています", "【お助け隊】エンジニアが到着しました",
                    "【お助け隊】現地での作業が終わりました", paid)) {
                assertEquals(1, smeSubjects.stream().filter(s -> s.startsWith(expected)).count(), expected + " once in " + smeSubjects);
            }
            assertEquals(smeSubjects.size(), smeSubjects.stream().distinct().count(), "nothing told twice: " + smeSubjects);
            assertTrue(awaitSubjects(new Mailbox(TestServers.mail().imapPort(), told.engineerUser()), "【出動】").stream()
                    .anyMatch(s -> s.startsWith("【出動】Osaka Seimitsu")));
            // soc-1, on call, acknowledged the P1 in time: it was not escalated. (The first page may not have gone out at
            // all: an acknowledgement that comes before it is sent cancels it, as nobody needs paging for a taken case.)
            List<String> onCall = new Mailbox(TestServers.mail().imapPort(), "soc-1@otasuke.example").read().stream()
                    .map(Mailbox.Mail::subject).filter(s -> s.startsWith("[P1]") && s.endsWith("：" + told.smeName())).toList();
            assertTrue(List.of(List.of(), List.of("[P1] 新しいインシデント：" + told.smeName())).contains(onCall), onCall.toString());
            // and the SME reads on its incident's timeline that it was told
            String smeTimeline = get(platform.endpoints().triage() + "/api/v1/incidents/" + told.incidentId() + "/timeline", sme).body();
            assertTrue(smeTimeline.contains(told.smeContactEmail() + " 宛てにメールでお知らせしました。"), smeTimeline);
        } finally {
            insurerSystem.stop(0);
        }
    }

    private static void awaitWebhooks(List<String[]> webhooks, int count) throws InterruptedException {
        for (int i = 0; i < 120 && webhooks.size() < count; i++) {
            Thread.sleep(500);
        }
    }

    /** The subjects in a mailbox once one of them starts with {@code awaited} (two minutes at most). */
    private static List<String> awaitSubjects(Mailbox mailbox, String awaited) throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            List<String> subjects = mailbox.read().stream().map(Mailbox.Mail::subject).toList();
            if (subjects.stream().anyMatch(s -> s.startsWith(awaited))) {
                return subjects;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(mailbox.address() + " never received \"" + awaited + "…\": " + mailbox.read());
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String hmac(String secret, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }
}
