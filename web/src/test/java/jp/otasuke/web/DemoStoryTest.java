package jp.otasuke.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.infra.story.Story;

/**
 * The demo's story (the one {@code ./otasuke --demo} plays, from the first alert to the paid claim) as its SME reads
 * it in /my/, in Japanese: every step in plain words, the engineer's visit, and the insurance that paid, with why.
 */
@QuarkusTest
@QuarkusTestResource(WebPlatform.class)
class DemoStoryTest extends BrowserTest {

    /** In Kyoto, with its engineer nearby: away from the other tests' SMEs and engineers. */
    private static final Story.Place KYOTO = new Story.Place("604-8005", "京都府", "京都市中京区河原町通三条上る", 35.0094, 135.7702,
            35.0037, 135.7681);

    @Test
    void theDemosSmeReadsTheWholeStoryInJapanese() {
        Story.Told told = new Story(WebPlatform.endpoints(), System.out::println, KYOTO).play(null);

        Page page = signInAtDesk("my/", told.smeUser(), told.smePassword());
        Locator incident = page.locator("article.case[data-id='" + told.incidentId() + "']");
        assertThat(incident.locator("ol.steps li[aria-current=step]")).hasText("対応完了");
        Locator history = incident.locator("ul.history");
        assertThat(history).containsText("検知して、調査を始めました");
        assertThat(history).containsText("セキュリティ担当者が対応を始めました");
        assertThat(history).containsText("エンジニアの駆付けを手配しています");
        assertThat(history).containsText("がそちらに向かっています");
        assertThat(history).containsText("エンジニアが");
        assertThat(history).containsText("現地での作業が終わりました：Webサーバーをネットワークから切り離して");
        assertThat(history).containsText(String.format(java.util.Locale.ROOT, "%,d円", told.paidYen()));
        assertThat(incident).not().containsText("ET WEB_SPECIFIC_APPS"); // no raw alert text
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("my-story-ja.png")).setFullPage(true));

        page.locator("nav a", new Page.LocatorOptions().setHasText("保険")).click();
        Locator claim = page.locator("article.claim", new Page.LocatorOptions().setHasText(told.claimNumber()));
        assertThat(claim).containsText("お支払い済み");
        assertThat(claim).containsText(String.format(java.util.Locale.ROOT, "%,d円", told.paidYen()));
        assertThat(claim.locator(".for-incident a")).hasAttribute("href", "#/incidents/" + told.incidentId());
        assertThat(claim.locator("ul.explanation")).containsText("ご負担いただく免責金額 5,000円 を差し引いて");
        assertThat(claim.locator("table.claim-lines")).containsText("作業費");
        assertThat(claim.locator("table.claim-lines")).containsText("現地作業 115分（30分単位で4回分、1時間あたり8,000円）");
        assertThat(claim.locator("table.claim-lines")).containsText("駐車場代：近くのコインパーキング");
        assertThat(claim.locator("table.claim-lines")).containsText("補償の対象です");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("my-insurance-ja.png")).setFullPage(true));
        page.context().close();
    }
}
