package jp.otasuke.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * How long the engineer's app takes to show the job list on a slow phone link, in Debian's Chromium on a running
 * platform (e.g. {@code ./otasuke --demo}): Chrome DevTools' "Slow 3G" (2 s round trip, 400 kbit/s each way)
 * and a phone-sized, 4× slower CPU. First open (nothing on the phone yet) and a later open (the app shell and the
 * last jobs on the phone, as every open after the first). Run it with {@code benchmarks/run-field-load.sh URL USER PASSWORD}.
 */
public final class FieldLoadTime {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String user = args[1];
        String password = args[2];
        int runs = Integer.getInteger("bench.runs", 5);
        StringBuilder md = new StringBuilder("# The engineer's app on Slow 3G, " + LocalDate.now() + "\n\n");
        md.append("Machine: ").append(BenchPlatform.machine()).append("\n\nCommand: `benchmarks/run-field-load.sh ").append(base)
                .append(" <engineer> <password>` against `./otasuke --demo` on the same machine. Chromium ")
                .append("(Debian) at 390 × 844, network Slow 3G (2,000 ms latency, 400 kbit/s down and up), CPU 4× slower. ")
                .append("First open = a new phone (no cookies, cache or app data) pressing Keycloak's sign-in button → the job list drawn (Keycloak's answer, web's code exchange, the page, the bundle, the session and the jobs, all throttled); later open = reloading the app once it is on the phone, navigation start → the job list drawn.\n\n");
        md.append("| open | run times ms | median ms |\n|---|---|---|\n");
        try (Playwright playwright = Playwright.create()) {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(System.getProperty("otasuke.chromium", "/usr/bin/chromium"))).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu")));
            long[] first = new long[runs];
            long[] later = new long[runs];
            for (int run = 0; run < runs; run++) {
                // a new phone: no cookies, no HTTP cache, no service worker, nothing in IndexedDB
                BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                        .setIsMobile(true).setHasTouch(true).setLocale("ja-JP").setTimezoneId("Asia/Tokyo"));
                Page page = phone.newPage();
                page.navigate(base + "/field/");
                page.locator("#username").fill(user);
                page.locator("#password").fill(password);
                CDPSession cdp = throttle(page);
                long t0 = System.nanoTime();
                // first open: Keycloak's answer, web's code exchange, the shell, the bundle, the session and the jobs
                page.locator("#kc-login").click();
                page.waitForSelector("article.job, main.field p.empty", new Page.WaitForSelectorOptions().setTimeout(120_000));
                first[run] = (System.nanoTime() - t0) / 1_000_000;
                unthrottle(cdp);
                page.waitForFunction("caches.has('otasuke-field-v1')");
                page.waitForTimeout(3000); // the jobs it loaded are on the phone now
                cdp = throttle(page);
                page.reload(new Page.ReloadOptions().setTimeout(120_000));
                page.waitForSelector("article.job, main.field p.empty", new Page.WaitForSelectorOptions().setTimeout(120_000));
                later[run] = Math.round(((Number) page.evaluate("performance.now()")).doubleValue());
                unthrottle(cdp);
                phone.close();
            }
            md.append(row("first open (nothing on the phone)", first)).append(row("later opens", later));
        }
        System.out.println(md);
        Path out = Path.of("benchmarks/results/field-load-" + LocalDate.now() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.println("Written to " + out);
    }

    /** Slow 3G and a 4× slower CPU for this page, as Chrome DevTools' presets have them. */
    private static CDPSession throttle(Page page) {
        CDPSession cdp = page.context().newCDPSession(page);
        cdp.send("Network.enable");
        cdp.send("Network.emulateNetworkConditions", conditions(2000, 400 * 1024 / 8));
        JsonObject cpu = new JsonObject();
        cpu.addProperty("rate", 4);
        cdp.send("Emulation.setCPUThrottlingRate", cpu);
        return cdp;
    }

    private static void unthrottle(CDPSession cdp) {
        cdp.send("Network.emulateNetworkConditions", conditions(0, -1));
        JsonObject cpu = new JsonObject();
        cpu.addProperty("rate", 1);
        cdp.send("Emulation.setCPUThrottlingRate", cpu);
        cdp.detach();
    }

    private static JsonObject conditions(int latencyMs, int bytesPerSecond) {
        JsonObject conditions = new JsonObject();
        conditions.addProperty("offline", false);
        conditions.addProperty("latency", latencyMs);
        conditions.addProperty("downloadThroughput", bytesPerSecond);
        conditions.addProperty("uploadThroughput", bytesPerSecond);
        return conditions;
    }

    private static String row(String name, long[] times) {
        long[] sorted = times.clone();
        java.util.Arrays.sort(sorted);
        return "| " + name + " | " + java.util.Arrays.toString(times) + " | " + sorted[sorted.length / 2] + " |\n";
    }
}
