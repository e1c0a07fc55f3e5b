package jp.otasuke.web;

import java.net.URL;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * What every browser test of web has: one Chromium per test class, web's URL, a desk browser signed in through
 * Keycloak, and where the screenshots go (the ones in docs/ come from there).
 */
abstract class BrowserTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static Chromium chromium;

    @TestHTTPResource("/")
    URL web;

    @BeforeAll
    static void browser() {
        chromium = new Chromium();
    }

    @AfterAll
    static void closeBrowser() {
        chromium.close();
    }

    /** A new person at a desk, signed in on Keycloak's page, at this path of web ("soc/"). */
    Page signInAtDesk(String path, String username, String password) {
        return Chromium.signIn(chromium.desk(), web + path, username, password);
    }
}
