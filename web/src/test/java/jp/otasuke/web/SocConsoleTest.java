package jp.otasuke.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The SOC console in a real Chromium, the way an operator uses it: signing in on Keycloak's own page, the queue
 * filling live as alerts arrive, acknowledging from the keyboard, working an incident (comment, merge, detach,
 * on-site request), switching language, signing out. Against real Kafka, PostgreSQL, Keycloak and the services.
 */
@QuarkusTest
@QuarkusTestResource(WebPlatform.class)
class SocConsoleTest extends BrowserTest {

    @Test
    void anOperatorWorksTheLiveQueueAndAnIncidentFromSignInToSignOut() {
        Page page = signInAtDesk("soc/", "soc-1", "soc-1");
        assertThat(page.locator("h1")).containsText("対応キュー");
        assertThat(page.locator(".live")).hasText("ライブ更新中");
        // a customer onboarded while the console is open is shown by name, not by id
        Platform.Sme sme = Platform.onboardSme();

        // an alert posted by the SME's sensor shows up without a reload
        String web1 = "web-" + sme.tenantId().substring(0, 6);
        Platform.alert(sme, web1, "RANSOMWARE", "CRITICAL", "Ransomware encrypting files on " + web1);
        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText("Ransomware encrypting files on " + web1));
        assertThat(row).isVisible();
        assertThat(row).containsText(sme.name());
        assertThat(row).containsText("未受付");

        // keyboard: select it (j/k), acknowledge (a)
        page.locator("h1").click();
        selectRow(page, row);
        page.keyboard().press("a");
        assertThat(row).containsText("受付済み");
        page.keyboard().press("?");
        assertThat(page.locator(".dialog")).containsText("キーボード操作");
        assertThat(page.locator(".dialog button")).isFocused(); // the dialog takes the focus
        page.keyboard().press("Escape");
        assertThat(page.locator(".dialog")).hasCount(0);
        // a busier queue for the picture: a scan and a brute-force attempt at other machines of the customer
        Platform.alert(sme, "fw-" + sme.tenantId().substring(0, 6), "RECON", "MEDIUM", "ET SCAN Nmap Scripting Engine");
        Platform.alert(sme, "nas-" + sme.tenantId().substring(0, 6), "BRUTE_FORCE", "HIGH", "Repeated failed logins on the NAS");
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("Repeated failed logins on the NAS"))).isVisible();
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("ET SCAN Nmap Scripting Engine"))).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("soc-queue-ja.png")));
        // the customer filter is typed: a part of the name finds the one customer
        page.locator("input.tenant-filter").fill(sme.name().substring(sme.name().length() - 6));
        page.locator("input.tenant-filter").press("Enter");
        assertThat(page.locator("input.tenant-filter")).hasValue(sme.name());
        assertThat(page.locator("tbody tr", new Page.LocatorOptions().setHasNotText(sme.name()))).hasCount(0);
        page.locator("input.tenant-filter").fill("");
        page.locator("input.tenant-filter").press("Enter");
        page.locator("input.tenant-filter").press("Escape"); // back to the queue's keys

        // a second incident of the same customer, to merge in and detach again
        String db1 = "db-" + sme.tenantId().substring(0, 6);
        Platform.alert(sme, db1, "INTRUSION", "HIGH", "Suspicious login on " + db1);
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("Suspicious login on " + db1))).isVisible();

        selectRow(page, row);
        page.keyboard().press("Enter");
        assertThat(page.locator("article.incident h1")).containsText("Ransomware encrypting files on " + web1);
        assertThat(page.locator(".facts")).containsText("大阪府 大阪市北区梅田1-1-1");
        assertThat(page.locator(".alert-list")).containsText("T1486");

        page.locator("#comment-text").fill("ファイルサーバーを隔離してください");
        page.locator("form[aria-label='コメント'] button[type=submit]").click();
        assertThat(timeline(page)).containsText("ファイルサーバーを隔離してください");

        page.locator("#merge-which").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(
                "P2 Suspicious login on " + db1 + " (" + db1 + ")"));
        page.locator("form[aria-label='別のインシデントを統合'] button[type=submit]").click();
        assertThat(page.locator(".notice")).hasText("統合しました");
        assertThat(page.locator(".facts")).containsText(db1);
        assertThat(timeline(page)).containsText("「Suspicious login on " + db1 + "」を統合しました");

        page.locator("#detach-host").selectOption(db1);
        page.locator(".detach button", new Page.LocatorOptions().setHasText("切り離す")).first().click();
        assertThat(page.locator(".notice")).containsText("新しいインシデントに切り離しました");
        assertThat(timeline(page)).containsText("として切り離しました");
        page.locator(".notice a").click(); // the notice leads to the new incident
        assertThat(page.locator("article.incident h1")).containsText("Suspicious login on " + db1);
        page.goBack();
        assertThat(page.locator("article.incident h1")).containsText("Ransomware encrypting files on " + web1);

        page.locator("#onsite-reason").fill("暗号化が進行中。現地で端末を隔離し証拠を保全する");
        page.locator("form[aria-label='駆付けを依頼'] button[type=submit]").click();
        assertThat(timeline(page)).containsText("駆付けを依頼しました。至急（4時間以内）、必要なスキルは");
        assertThat(page.locator("p.status")).containsText("駆付け手配中");
        // the story in words: no incident ids, no ISO instants, no codes
        assertThat(timeline(page)).not().containsText(java.util.regex.Pattern.compile(
                "[0-9a-f]{8}-[0-9a-f]{4}-|\\d{4}-\\d{2}-\\d{2}T|IMMEDIATE|EMAIL"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("soc-incident-ja.png")).setFullPage(true));

        // English, remembered
        page.locator("header.top button.link").click();
        assertThat(page.locator("p.status")).containsText("On-site requested");
        assertThat(timeline(page)).containsText("On-site engineer requested: immediate (within 4 hours); skills:");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("soc-incident-en.png")).setFullPage(true));
        page.locator("a", new Page.LocatorOptions().setHasText("Back to the queue")).click();
        assertThat(page.locator("h1")).containsText("Open queue");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("soc-queue-en.png")));
        page.reload();
        assertThat(page.locator("h1")).containsText("Open queue");

        // signing out ends the Keycloak session too: the console asks for a sign-in again
        page.locator("a", new Page.LocatorOptions().setHasText("Sign out")).click();
        assertThat(page.locator("body")).containsText("You are signed out");
        page.navigate(web + "soc/");
        // in the language the operator chose in the console, not the browser's
        assertThat(page.locator("#kc-login")).hasValue("Sign in");
        page.context().close();
    }

    @Test
    void theSignInSpeaksThePersonsLanguage() {
        Page page = chromium.desk();
        page.navigate(web + "soc/");
        assertThat(page.locator("html")).hasAttribute("lang", "ja");
        assertThat(page.locator("#kc-header")).hasText("サイバーセキュリティお助け隊 SOC");
        assertThat(page.locator("#kc-page-title")).hasText("サインイン");
        assertThat(page.locator("label[for=username]")).hasText("ユーザー名またはメールアドレス");
        assertThat(page.locator("#kc-login")).hasValue("サインイン");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sign-in-ja.png")));
        // a refusal in the same words (someone unknown: no real account's brute-force count is touched)
        page.locator("#username").fill("nobody-here");
        page.locator("#password").fill("not-the-password");
        page.locator("#kc-login").click();
        assertThat(page.locator("#input-error")).containsText("無効なユーザー名またはパスワードです");
        page.context().close();

        Page english = chromium.desk("en-US");
        english.navigate(web + "soc/");
        assertThat(english.locator("html")).hasAttribute("lang", "en");
        assertTrue(english.url().contains("ui_locales=en"), "web asks Keycloak in the browser's language: " + english.url());
        assertThat(english.locator("#kc-page-title")).hasText("Sign in");
        assertThat(english.locator("#kc-login")).hasValue("Sign in");
        english.locator("#username").fill("soc-1");
        english.locator("#password").fill("soc-1");
        english.locator("#kc-login").click();
        // the console follows the browser's English until the person chooses
        assertThat(english.locator("h1")).containsText("Open queue");
        english.context().close();

        // and Japanese offered on the page (not signed in after: Keycloak would keep the choice as soc-1's language)
        Page switching = chromium.desk("en-US");
        switching.navigate(web + "soc/");
        switching.locator("#kc-current-locale-link").click();
        switching.locator("#kc-locale a", new Page.LocatorOptions().setHasText("日本語")).click();
        assertThat(switching.locator("#kc-login")).hasValue("サインイン");
        switching.context().close();
    }

    /**
     * Ransomware in Naha asks for forensics; the only engineer with it who could come is in Kagoshima, hours away, while
     * one without it lives nearby. The operator sees the job is late, looks at the candidates and gives it to the near one.
     */
    @Test
    void aLateEngineerIsShownAndTheOperatorGivesTheJobToOneWhoCanBeThereInTime() {
        java.util.List<String> always = java.util.List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
        Platform.Sme sme = Platform.onboardSme(26.2124, 127.6809);
        String far = Platform.onboardEngineer("山田 太郎", 31.5966, 130.5571, java.util.List.of("endpoint", "forensics"), always,
                "00:00", "23:59");
        Platform.onboardEngineer("田中 由衣", 26.2150, 127.6850, java.util.List.of("endpoint"), always, "00:00", "23:59");
        String host = "keiri-" + sme.tenantId().substring(0, 6);
        String[] visit = Platform.onsiteJob(sme, host, "RANSOMWARE", far);

        Page page = signInAtDesk("soc/", "soc-1", "soc-1");
        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText("RANSOMWARE on " + host));
        assertThat(row.locator(".tag.late")).hasText("駆付け遅れ");
        page.navigate(web + "soc/#/incidents/" + visit[0]);
        assertThat(page.locator(".onsite")).containsText("山田 太郎");
        assertThat(page.locator(".onsite .late")).containsText("期限より");

        page.locator(".choose button", new Page.LocatorOptions().setHasText("候補を見る")).click();
        Locator first = page.locator("table.candidates tbody tr").first();
        assertThat(first).containsText("田中 由衣");
        assertThat(first).containsText("間に合う");
        assertThat(first).containsText("証拠保全（フォレンジック）");
        assertThat(page.locator("table.candidates tbody tr", new Page.LocatorOptions().setHasText("山田 太郎")).locator(".late"))
                .containsText("時間");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("soc-late-job-ja.png")).setFullPage(true));

        first.locator("button").click();
        assertThat(page.locator(".notice")).hasText("田中 由衣さんに任せました");
        assertThat(page.locator(".onsite")).containsText("田中 由衣"); // told back through triage, live
        assertThat(page.locator(".onsite .late")).hasCount(0);
        assertThat(timeline(page)).containsText("選んだ田中 由衣さんに割り当てました");
        assertEquals("田中 由衣", Platform.job(visit[1]).path("engineerName").asText());
        assertEquals("[\"endpoint\"]", Platform.job(visit[1]).path("requiredSkills").toString());

        // the KPIs: each bar's label and value are text at the page's size, read out as they are shown
        page.locator("nav a", new Page.LocatorOptions().setHasText("KPI")).click();
        Locator bar = page.locator("ul.bars li").first();
        assertThat(bar.locator(".bar-value")).isVisible();
        double size = ((Number) bar.locator(".bar-label").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")).doubleValue();
        assertTrue(size >= 13, "KPI labels at " + size + " px");
        assertEquals("true", bar.locator(".bar-track").getAttribute("aria-hidden"));
        page.context().close();
    }

    @Test
    void anSmeUserOnTheConsoleSeesNoSocData() {
        Platform.Sme sme = Platform.onboardSme();
        Page page = signInAtDesk("soc/", sme.username(), Platform.SME_PASSWORD);
        assertThat(page.locator("body")).containsText("このページはあなたのロールでは使えません");
        assertThat(page.locator("table")).hasCount(0);
        // and the API answers for the SME only what triage lets an SME see: its own tenant
        Object status = page.evaluate("fetch('/api/triage/incidents/kpis', {headers: {'X-Requested-With': 'JavaScript'}})"
                + ".then(r => r.status)");
        assertEquals(403, ((Number) status).intValue());
        page.context().close();
    }

    @Test
    void aFieldEngineerOnTheConsoleSeesNoSocData() {
        Page page = signInAtDesk("soc/", Platform.onboardEngineer(), Platform.SME_PASSWORD);
        assertThat(page.locator("body")).containsText("This app is not for your role");
        assertThat(page.locator("table")).hasCount(0);
        page.context().close();
    }

    @Test
    void aStateChangingCallWithoutTheSessionsCsrfTokenIsRefused() {
        Page page = signInAtDesk("soc/", "soc-2", "soc-2");
        assertThat(page.locator("h1")).containsText("対応キュー");
        String call = "fetch('/api/triage/incidents/00000000-0000-0000-0000-000000000000/acknowledge', {method: 'POST',"
                + " headers: %s}).then(r => r.status)";
        assertEquals(403, ((Number) page.evaluate(call.formatted("{'X-CSRF-Token': 'forged'}"))).intValue());
        assertEquals(403, ((Number) page.evaluate(call.formatted("{}"))).intValue());
        // with the page's own token the call reaches triage (which knows no such incident)
        String token = (String) page.evaluate("fetch('/session').then(r => r.json()).then(s => s.csrfToken)");
        assertEquals(404, ((Number) page.evaluate(call.formatted("{'X-CSRF-Token': '" + token + "'}"))).intValue());
        page.context().close();
    }

    @Test
    void aCallWithoutASessionIsSentToSignInAndAScriptIsToldSo() {
        given().redirects().follow(false).when().get("/api/triage/incidents").then().statusCode(302)
                .header("Location", startsWith(jp.otasuke.infra.testing.TestServers.keycloak().realmUrl()));
        given().redirects().follow(false).header("X-Requested-With", "JavaScript").when().get("/api/triage/incidents")
                .then().statusCode(499);
        given().redirects().follow(false).when().get("/signed-out").then().statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"));
    }

    private static Locator timeline(Page page) {
        return page.locator("section.timeline");
    }

    /** Moves the queue's selection with j/k until this row is the selected one. */
    private static void selectRow(Page page, Locator row) {
        for (int i = 0; i < 50 && !"true".equals(row.getAttribute("aria-selected")); i++) {
            page.keyboard().press(i < 25 ? "j" : "k");
        }
        assertThat(row).hasAttribute("aria-selected", "true");
    }
}
