package jp.otasuke.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.infra.platform.PackagedService;
import jp.otasuke.infra.testing.TestServers;
import jp.otasuke.infra.testing.Tokens;

/**
 * The SME's page in a real Chromium, in Japanese: where its case stands in plain steps with the engineer's name
 * and arrival, a question to the consultation desk whose answer appears without a reload, and the contract with
 * the Otasuke-tai cap it respects.
 */
@QuarkusTest
@QuarkusTestResource(WebPlatform.class)
class SmePortalTest extends BrowserTest {

    @Test
    void anSmeSeesItsCaseInPlainStepsAsksTheDeskAndReadsTheAnswerLive() {
        // in Kobe, with its engineer next door: far from the other tests' engineers
        Platform.Sme sme = Platform.onboardSme(34.6901, 135.1955);
        String engineer = Platform.onboardEngineer(34.6901, 135.1955, List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"),
                "00:00", "23:59");
        String[] visit = Platform.onsiteJob(sme, "keiri-" + sme.tenantId().substring(0, 6), "RANSOMWARE", engineer);
        String engineerToken = Tokens.forUser(TestServers.keycloak().realmUrl(), engineer, Platform.SME_PASSWORD);
        Platform.call("POST", PackagedService.DISPATCH, "/api/v1/jobs/" + visit[1] + "/actions", engineerToken,
                Map.of("opId", "accept-" + visit[1], "type", "ACCEPT", "at", java.time.Instant.now().toString()), Map.of(), 200);

        Page page = signInAtDesk("my/", sme.username(), Platform.SME_PASSWORD);
        Locator incident = page.locator("article.case[data-id='" + visit[0] + "']");
        assertThat(incident.locator("ol.steps li[aria-current=step]")).hasText("エンジニアが向かっています");
        assertThat(incident.locator(".engineer")).containsText("佐藤 健二");
        assertThat(incident.locator(".engineer")).containsText("到着予定");
        assertThat(incident).not().containsText("CRITICAL"); // plain words, not the raw alert
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("my-incident-ja.png")));

        page.locator("nav a", new Page.LocatorOptions().setHasText("相談窓口")).click();
        page.locator("#subject").fill("不審なメールについて");
        page.locator("#body").fill("取引先を名乗るメールの添付ファイルを開いてしまいました。どうすればよいですか。");
        page.locator("#phone").fill("06-6123-4567");
        page.locator("form[aria-label='新しいご相談'] button[type=submit]").click();
        assertThat(page.locator(".notice")).containsText("ご相談を受け付けました");
        Locator question = page.locator("article.consultation", new Page.LocatorOptions().setHasText("不審なメールについて"));
        assertThat(question).containsText("回答をお待ちください");

        // the SOC answers; the page shows it without a reload
        String consultationIncident = consultationIncident(sme);
        Platform.call("POST", PackagedService.TRIAGE, "/api/v1/incidents/" + consultationIncident + "/comments", Platform.soc(),
                Map.of("text", "添付ファイルを開いたパソコンをLANケーブルから外し、そのままお待ちください。担当から折り返します。",
                        "visibility", "CUSTOMER"), Map.of(), 201);
        assertThat(question.locator(".answer")).containsText("LANケーブルから外し");
        assertThat(question).containsText("回答済み");

        page.locator("nav a", new Page.LocatorOptions().setHasText("ご契約")).click();
        assertThat(page.locator(".contract .fee")).containsText("19,800円");
        assertThat(page.locator(".contract .fee")).containsText("20,000円");
        assertThat(page.locator(".certificate")).containsText(sme.name() + "は、サイバーセキュリティお助け隊サービス");
        // its sensor, heard with the alerts it sent: live, with when it was last heard (Japan time)
        Locator sensor = page.locator("ul.sensors li", new Page.LocatorOptions().setHasText("Suricata"));
        assertThat(sensor.locator(".tag")).hasText("稼働中");
        assertThat(sensor).containsText("最終通信: 20");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("my-contract-ja.png")));

        // English, for the page and for the services' own lines
        page.locator("header button.link").click();
        page.locator("nav a", new Page.LocatorOptions().setHasText("Incidents")).click();
        assertThat(incident.locator("ol.steps li[aria-current=step]")).hasText("Engineer on the way");
        assertThat(incident.locator("ul.history")).containsText("A security analyst has taken charge of this.");
        page.context().close();

        // another SME sees none of it, not even by asking for the incident's id
        Platform.Sme other = Platform.onboardSme();
        Page stranger = signInAtDesk("my/", other.username(), Platform.SME_PASSWORD);
        assertThat(stranger.locator("main.my")).not().containsText("keiri-");
        Object status = stranger.evaluate("fetch('/api/triage/incidents/" + visit[0] + "', {headers: {'X-Requested-With': 'JavaScript'}})"
                + ".then(r => r.status)");
        org.junit.jupiter.api.Assertions.assertEquals(404, ((Number) status).intValue());
        stranger.navigate(web + "my/#/incidents/" + visit[0]);
        assertThat(stranger.locator("main.my h1")).hasText("見つかりません");
        assertThat(stranger.locator(".not-found")).containsText("お探しの事案は見つかりませんでした");
        assertThat(stranger.locator("main.my")).not().containsText("keiri-");
        stranger.context().close();
    }

    /**
     * The SOC found that two cases are one: the SME sees one card, which says so, and the other case, opened from its
     * mail, says where it went; "we told you by mail" is a mark on the step, not a line of its own each time.
     */
    @Test
    void aCaseMergedIntoAnotherIsFoldedIntoItAndSaysWhereItWent() {
        Platform.Sme sme = Platform.onboardSme();
        String suffix = sme.tenantId().substring(0, 6);
        Platform.alert(sme, "pc-a-" + suffix, "MALWARE", "HIGH", "Trojan on pc-a-" + suffix);
        Platform.alert(sme, "pc-b-" + suffix, "MALWARE", "HIGH", "Trojan on pc-b-" + suffix);
        String[] cases = new String[2];
        Platform.await("both incidents", () -> {
            for (JsonNode i : Platform.call("GET", PackagedService.TRIAGE, "/api/v1/incidents?tenantId=" + sme.tenantId(),
                    Platform.soc(), null, Map.of(), 200).path("items")) {
                cases[i.path("hosts").toString().contains("pc-a-") ? 0 : 1] = i.get("id").asText();
            }
            return cases[0] != null && cases[1] != null;
        });
        Platform.call("POST", PackagedService.TRIAGE, "/api/v1/incidents/" + cases[0] + "/merge", Platform.soc(),
                Map.of("incidentId", cases[1]), Map.of(), 200);
        Platform.await("the SME told of its case by mail", () -> {
            for (JsonNode line : Platform.call("GET", PackagedService.TRIAGE, "/api/v1/incidents/" + cases[0] + "/timeline",
                    Platform.soc(), null, Map.of(), 200)) {
                if ("notice.sent".equals(line.path("type").asText()) && "CUSTOMER".equals(line.path("visibility").asText())) {
                    return true; // the SME's mail, not the SOC's page
                }
            }
            return false;
        });

        Page page = signInAtDesk("my/", sme.username(), Platform.SME_PASSWORD);
        Locator kept = page.locator("article.case[data-id='" + cases[0] + "']");
        assertThat(kept.locator("ul.history")).containsText("関連する検知をこの件にまとめました");
        assertThat(page.locator("article.case")).hasCount(1);
        // the mark is on the step the mail told of: the case opened
        assertThat(kept.locator("ul.history li").first().locator(".told")).containsText("メールでお知らせ済み");
        assertThat(kept.locator("ul.history")).not().containsText("宛てにメールでお知らせしました");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("my-merged-ja.png")));
        // on a phone the header leaves the screen to the case
        page.setViewportSize(390, 844);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("my-phone-ja.png")));
        org.junit.jupiter.api.Assertions.assertTrue(page.locator("header.top").boundingBox().height < 110,
                "header " + page.locator("header.top").boundingBox().height + " px of 844");
        page.setViewportSize(1400, 900);

        page.navigate(web + "my/#/incidents/" + cases[1]);
        assertThat(page.locator("p.merged")).containsText("関連する別の件とまとめて対応しています");
        assertThat(page.locator("ul.history")).containsText("この件は、関連する別の件とまとめて対応することになりました。");
        page.locator("p.merged a").click();
        assertThat(page.locator("article.case[data-id='" + cases[0] + "']")).isVisible();

        // a sensor set up but never heard from is waiting for its first word, not live
        Platform.call("POST", PackagedService.INGEST, "/api/v1/tenants/" + sme.tenantId() + "/sensors", Platform.admin(),
                Map.of("kind", "ENDPOINT", "name", "EDR (経理PC)"), Map.of(), 201);
        page.locator("nav a", new Page.LocatorOptions().setHasText("ご契約")).click();
        assertThat(page.locator("ul.sensors li", new Page.LocatorOptions().setHasText("EDR (経理PC)")).locator(".tag"))
                .hasText("接続待ち");
        assertThat(page.locator("ul.sensors li", new Page.LocatorOptions().setHasText("Suricata")).locator(".tag"))
                .hasText("稼働中");

        // in English, the contract's device count too
        page.locator("header button.link").click();
        page.locator("nav a", new Page.LocatorOptions().setHasText("Contract")).click();
        assertThat(page.locator(".contract")).containsText("(5 devices)");
        page.context().close();
    }

    private static String consultationIncident(Platform.Sme sme) {
        String[] id = new String[1];
        Platform.await("the consultation in the SOC's queue", () -> {
            for (JsonNode i : Platform.call("GET", PackagedService.TRIAGE, "/api/v1/incidents?tenantId=" + sme.tenantId(),
                    Platform.soc(), null, Map.of(), 200).path("items")) {
                if ("CONSULTATION".equals(i.path("kind").asText())) {
                    id[0] = i.get("id").asText();
                }
            }
            return id[0] != null;
        });
        return id[0];
    }
}
