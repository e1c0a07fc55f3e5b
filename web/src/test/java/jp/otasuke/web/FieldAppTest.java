package jp.otasuke.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.infra.platform.PackagedService;
import jp.otasuke.infra.testing.TestServers;
import jp.otasuke.infra.testing.Tokens;

/**
 * The engineer's app on a phone with no signal, in a real Chromium: every action goes into the on-device outbox,
 * survives closing the app, and is sent in order once the signal is back — nothing lost, nothing doubled, and an
 * action the server refuses (its job was cancelled meanwhile) does not hold back the others.
 */
@QuarkusTest
@QuarkusTestResource(WebPlatform.class)
class FieldAppTest extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @Test
    void anEngineerWorksAJobWithNoSignalAndNothingIsLostOrDoubled() throws Exception {
        Platform.Sme sme = Platform.onboardSme();
        Platform.insure(sme);
        // at the SME's door and on shift around the clock: the planner gives them the jobs
        String engineer = Platform.onboardEngineer(34.7025, 135.4959, List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"),
                "00:00", "23:59");
        String suffix = sme.tenantId().substring(0, 6);
        String[] ransomware = Platform.onsiteJob(sme, "keiri-" + suffix, "RANSOMWARE", engineer);
        String[] malware = Platform.onsiteJob(sme, "soumu-" + suffix, "MALWARE", engineer);

        BrowserContext phone = chromium.phone(34.7025, 135.4959);
        Page page = Chromium.signIn(phone.newPage(), web + "field/", engineer, Platform.SME_PASSWORD);
        Locator job = card(page, ransomware[1]);
        assertThat(job).isVisible();
        assertFalse(page.url().contains("code="), "the spent sign-in code is out of the address bar: " + page.url());
        Locator other = card(page, malware[1]);
        assertThat(job).containsText(sme.name());
        assertThat(job).containsText("大阪市北区梅田1-1-1");
        assertThat(job.locator("a[href^='geo:34.7025,135.4959']")).isVisible();
        // what it is, why, whom to call, and the skills, all in words
        assertThat(job.locator(".what strong")).hasText("ランサムウェア");
        assertThat(job.locator(".reason")).containsText("現地で端末を隔離する");
        assertThat(job.locator(".contact a[href='tel:06-6123-4567']")).isVisible();
        assertThat(job.locator("dl")).containsText("パソコン・サーバーの調査と復旧、証拠保全（フォレンジック）");
        assertThat(job).not().containsText("forensics");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("field-job-ja.png")).setFullPage(true));
        // installable, and the service worker has the app shell before the signal goes
        assertThat(page.locator("link[rel=manifest]")).hasAttribute("href", "/field/manifest.webmanifest");
        page.waitForFunction("navigator.serviceWorker.controller !== null || navigator.serviceWorker.ready.then(() => true)");
        page.waitForFunction("caches.has('otasuke-field-v1')");

        phone.setOffline(true);
        assertThat(page.locator(".offline")).isVisible();
        other.locator("button", new Locator.LocatorOptions().setHasText("承諾する")).click();
        job.locator("button", new Locator.LocatorOptions().setHasText("承諾する")).click();
        assertThat(page.locator("ol.outbox")).containsText("承諾");
        assertThat(page.locator("ol.outbox")).not().containsText("ACCEPT");
        job.locator("button", new Locator.LocatorOptions().setHasText("出発する")).click();
        job.locator("button", new Locator.LocatorOptions().setHasText("到着した")).click();
        job.locator("button", new Locator.LocatorOptions().setHasText("作業報告")).click();
        Locator report = job.locator("form.report");
        report.locator("#summary").fill("感染端末を隔離し、ディスクイメージを保全。バックアップから復旧");
        report.locator("#minutes").fill("95");
        report.locator("#km").fill("8.4");
        report.locator("button", new Locator.LocatorOptions().setHasText("経費を追加")).click();
        report.locator("input[name=expense-yen-0]").fill("600");
        report.locator("input[name=expense-note-0]").fill("梅田の駐車場");
        report.locator("input[name=check]").first().check();
        report.locator("#confirmedBy").fill("田中 一郎");
        sign(page, report.locator("canvas"));
        assertThat(report.locator("table.costs")).containsText("16,000円"); // 95 min = 4 × 30 min at 8,000 yen/h
        assertThat(report.locator("table.costs")).containsText("1時間35分（30分単位で4単位）");
        assertThat(report.locator("table.costs")).containsText("420円");
        assertThat(report.locator("table.costs")).containsText("17,020円");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("field-report-ja.png")));
        report.locator("button[type=submit]").click();
        assertThat(page.locator(".outbox-count")).hasText("送信待ち 5件");
        assertThat(job.locator(".job-status")).containsText("完了");
        // done: when it ended, no arrival still to come and no countdown
        assertThat(job.locator("dl")).containsText("完了");
        assertThat(job.locator("dl")).not().containsText("到着予定");
        assertThat(job.locator("dl")).not().containsText("残り");

        // the app is closed and opened again, still with no signal: the outbox is still there
        page.close();
        Page again = phone.newPage();
        again.navigate(web + "field/");
        assertThat(again.locator(".outbox-count")).hasText("送信待ち 5件");
        assertThat(again.locator(".offline")).isVisible();
        assertThat(card(again, ransomware[1])).containsText(sme.name());
        again.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("field-offline-ja.png")));
        List<Map<String, Object>> queued = outbox(again);
        assertEquals(5, queued.size());

        // meanwhile the SOC resolved the malware incident remotely: dispatch cancels its job
        Platform.call("POST", PackagedService.TRIAGE, "/api/v1/incidents/" + malware[0] + "/resolve", Platform.soc(),
                Map.of("resolution", "REMOTE_REMEDIATION", "summary", "リモートで駆除済み"), Map.of(), 200);
        Platform.await("the malware job cancelled", () -> "CANCELLED".equals(Platform.job(malware[1]).path("status").asText()));

        phone.setOffline(false);
        again.evaluate("window.dispatchEvent(new Event('online'))");
        assertThat(again.locator(".outbox-count")).hasText("すべて送信済み");
        assertThat(again.locator(".refused")).containsText("承諾 — この出動は取りやめになりました（SOCがインシデントを解決しました：遠隔で対処済み）");
        assertThat(card(again, ransomware[1]).locator(".job-status")).containsText("完了");

        JsonNode done = Platform.job(ransomware[1]);
        assertEquals("COMPLETED", done.path("status").asText());
        assertEquals(3, done.path("costLines").size(), "labour, travel and the parking: one set of cost lines");
        assertEquals(17_020, done.path("totalYen").asLong());
        assertEquals("田中 一郎", done.path("confirmedBy").asText());
        assertFalse(done.path("arrivedAt").isNull());
        String insurer = Tokens.forClient(TestServers.keycloak().realmUrl(), "insurer-a", "insurer-a-secret");
        Platform.await("the claim for the visit", () -> claims(insurer, ransomware[0]) == 1);

        // replaying the whole outbox (as a phone that never got the answers would) doubles nothing
        String token = Tokens.forUser(TestServers.keycloak().realmUrl(), engineer, Platform.SME_PASSWORD);
        for (Map<String, Object> entry : queued) {
            boolean refusedBefore = entry.get("jobId").equals(malware[1]);
            try {
                Platform.call("POST", PackagedService.DISPATCH, "/api/v1/jobs/" + entry.get("jobId") + "/actions", token,
                        entry.get("body"), Map.of(), 200);
                assertFalse(refusedBefore, "the cancelled job's action is refused again");
            } catch (AssertionError refused) {
                assertTrue(refusedBefore, refused.getMessage());
            }
        }
        assertEquals(3, Platform.job(ransomware[1]).path("costLines").size());
        assertEquals(1, claims(insurer, ransomware[0]));
        phone.close();

        // signing in on a new phone the same day: the finished job is there too
        BrowserContext newPhone = chromium.phone(34.7025, 135.4959);
        Page fresh = Chromium.signIn(newPhone.newPage(), web + "field/", engineer, Platform.SME_PASSWORD);
        assertThat(card(fresh, ransomware[1]).locator(".job-status")).containsText("完了");
        newPhone.close();
    }

    private static Locator card(Page page, String jobId) {
        return page.locator("article.job[data-job='" + jobId + "']");
    }

    /** A finger's stroke across the signature pad. */
    private static void sign(Page page, Locator canvas) {
        var box = canvas.boundingBox();
        page.mouse().move(box.x + 20, box.y + 70);
        page.mouse().down();
        for (int i = 1; i <= 10; i++) {
            page.mouse().move(box.x + 20 + i * 25, box.y + 70 + (i % 2 == 0 ? -30 : 30));
        }
        page.mouse().up();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> outbox(Page page) throws Exception {
        String json = (String) page.evaluate("new Promise(done => { const open = indexedDB.open('otasuke-field');"
                + " open.onsuccess = () => { const all = open.result.transaction('outbox').objectStore('outbox').getAll();"
                + " all.onsuccess = () => done(JSON.stringify(all.result)); }; })");
        return JSON.readValue(json, List.class);
    }

    private static int claims(String insurer, String incidentId) {
        int found = 0;
        for (JsonNode claim : Platform.call("GET", PackagedService.INSURANCE, "/api/v1/claims?limit=500", insurer, null, Map.of(), 200)
                .path("items")) {
            if (incidentId.equals(claim.path("incidentId").asText())) {
                found++;
            }
        }
        return found;
    }
}
