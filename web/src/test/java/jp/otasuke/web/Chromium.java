package jp.otasuke.web;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright (STACK.md "Web apps"): headless, a fresh profile per context that
 * Playwright deletes when the context closes. Japanese text needs fonts-noto-cjk for screenshots. Public for the system
 * tests' browser (web's test-jar holds this class only).
 */
public final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of(System.getProperty("otasuke.chromium", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final Browser browser;

    public Chromium() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu")));
    }

    /** A new person at their desk: an empty profile, a desktop window, Asia/Tokyo and Japanese as their machine's. */
    public Page desk() {
        return desk("ja-JP");
    }

    /** The same with the browser in another language (its Accept-Language and navigator.languages). */
    public Page desk(String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900)
                .setLocale(locale).setTimezoneId("Asia/Tokyo"));
        context.setDefaultTimeout(20_000);
        return context.newPage();
    }

    /** An engineer's phone: 390 × 844, touch, Japanese, Asia/Tokyo, the location shared (at this place). */
    public BrowserContext phone(double latitude, double longitude) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true).setLocale("ja-JP").setTimezoneId("Asia/Tokyo")
                .setGeolocation(latitude, longitude).setPermissions(List.of("geolocation")));
        context.setDefaultTimeout(20_000);
        return context;
    }

    /** Opens {@code url} and signs in on Keycloak's own page (web never sees the password). */
    public static Page signIn(Page page, String url, String username, String password) {
        page.navigate(url);
        try {
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#kc-login")).isVisible();
        } catch (AssertionError e) {
            throw new AssertionError("No Keycloak sign-in page at " + page.url() + ":\n" + page.content(), e);
        }
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        return page;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
