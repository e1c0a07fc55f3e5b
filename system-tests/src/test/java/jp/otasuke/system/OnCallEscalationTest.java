package jp.otasuke.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import jp.otasuke.infra.mail.Mailbox;
import jp.otasuke.infra.platform.PackagedService;
import jp.otasuke.infra.testing.TestServers;
import jp.otasuke.infra.testing.Tokens;

/**
 * The SOC's on-call escalation on the packaged services, from a real alert to the mails read back over IMAP: notify is
 * killed after the first mail and started again once half the acknowledge clock has passed; the half-clock step is
 * then taken once (not skipped, not repeated), and the deadline's step after it, once.
 */
class OnCallEscalationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final SystemPlatform platform = SystemPlatform.get();

    @Test
    void aRestartInTheMiddleOfAnEscalationNeitherSkipsNorRepeatsAStep() throws Exception {
        String admin = Tokens.forUser(TestServers.keycloak().realmUrl(), "ops-admin");
        String notify = platform.url(PackagedService.NOTIFY);
        put(notify + "/api/v1/on-call/rotation", admin, Map.of("members", List.of("soc-1"), "startsAt", "2026-01-05T09:00:00+09:00",
                "turnDays", 7));
        put(notify + "/api/v1/escalation-policies/P1", admin,
                Map.of("levels", List.of(Map.of("onCall", true), Map.of("onCall", false, "users", List.of("soc-2")))));
        Mailbox onCall = new Mailbox(TestServers.mail().imapPort(), "soc-1@otasuke.example");
        Mailbox levelTwo = new Mailbox(TestServers.mail().imapPort(), "soc-2@otasuke.example");

        Sensors sme = Sensors.onboard(platform.endpoints().ingest());
        assertTrue(sme.send("ransom-1", "RANSOMWARE", "CRITICAL", "fs-01"), "a P1 alert (acknowledge due in 60 s here)");
        String opened = "[P1] 新しいインシデント：" + sme.name;
        String halfClock = "[P1] 未受付のまま半分の時間が過ぎました：" + sme.name;
        String breached = "[P1] 受付期限切れ：" + sme.name;
        awaitSubjects(onCall, sme, s -> s.contains(opened), 90);

        platform.kill(PackagedService.NOTIFY);
        String incident = " from incident where tenant_id = '" + sme.tenantId + "' and priority = 'P1'";
        long openedAt = platform.count("triage", "select (extract(epoch from opened_at) * 1000)::bigint" + incident);
        long ackDueAt = platform.count("triage", "select (extract(epoch from ack_due_at) * 1000)::bigint" + incident);
        long halfway = openedAt + (ackDueAt - openedAt) / 2;
        Thread.sleep(Math.max(0, halfway + 2_000 - System.currentTimeMillis())); // half the clock passes while notify is down
        assertEquals(List.of(opened), subjects(onCall, sme));
        assertTrue(subjects(levelTwo, sme).isEmpty());
        platform.start(PackagedService.NOTIFY);
        platform.awaitReady(PackagedService.NOTIFY);

        awaitSubjects(levelTwo, sme, s -> s.contains(breached), 90);
        Thread.sleep(5_000); // a few more watches: nothing more comes
        assertEquals(List.of(opened, halfClock, breached), subjects(onCall, sme));
        assertEquals(List.of(halfClock, breached), subjects(levelTwo, sme));
        System.out.printf("ESCALATION across a notify restart: soc-1 told 3 times, soc-2 twice, each step once (tenant %s)%n",
                sme.tenantId);
    }

    /** The subjects of the mails about this SME's incidents, oldest first. */
    private static List<String> subjects(Mailbox mailbox, Sensors sme) {
        return mailbox.read().stream().map(Mailbox.Mail::subject).filter(s -> s.endsWith(sme.name)).toList();
    }

    private static void awaitSubjects(Mailbox mailbox, Sensors sme, Predicate<List<String>> until, int seconds)
            throws InterruptedException {
        for (int i = 0; i < seconds * 2 && !until.test(subjects(mailbox, sme)); i++) {
            Thread.sleep(500);
        }
        assertTrue(until.test(subjects(mailbox, sme)), mailbox.address() + " received " + subjects(mailbox, sme));
    }

    private static void put(String url, String token, Object body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(Sensors.JSON.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + ": " + r.body());
    }
}
