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
 * Playwright deletes when the context closes. Japanese text needs fonts-noto-cjk for screenshots.
 */
final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of(System.getProperty("otasuke.chromium", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final Browser browser;

    Chromium() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu")));
    }

    /** A new person at their desk: an empty profile, a desktop window, Asia/Tokyo and Japanese as their machine's. */
    Page desk() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900)
                .setLocale("ja-JP").setTimezoneId("Asia/Tokyo"));
        context.setDefaultTimeout(20_000);
        return context.newPage();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
