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
                .append("Time = navigation start → the job list (or its \"no jobs\" line) drawn.\n\n");
        md.append("| open | run times ms | median ms |\n|---|---|---|\n");
        try (Playwright playwright = Playwright.create()) {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(System.getProperty("otasuke.chromium", "/usr/bin/chromium"))).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu")));
            long[] first = new long[runs];
            long[] later = new long[runs];
            for (int run = 0; run < runs; run++) {
                BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                        .setIsMobile(true).setHasTouch(true).setLocale("ja-JP").setTimezoneId("Asia/Tokyo"));
                Page page = phone.newPage();
                signIn(page, base + "/field/", user, password);
                page.waitForSelector("main.field h1");
                // a first open: signed in, but nothing of the app on the phone yet
                page.evaluate("Promise.all([caches.keys().then(ks => Promise.all(ks.map(k => caches.delete(k)))),"
                        + " navigator.serviceWorker.getRegistrations().then(rs => Promise.all(rs.map(r => r.unregister()))),"
                        + " new Promise(done => { const d = indexedDB.deleteDatabase('otasuke-field'); d.onsuccess = d.onerror = d.onblocked = done; })])");
                Page cold = phone.newPage();
                page.close();
                first[run] = timed(cold, base + "/field/");
                cold.waitForFunction("caches.has('otasuke-field-v1')");
                cold.waitForTimeout(3000); // the jobs it loaded are on the phone now
                later[run] = timed(cold, base + "/field/");
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

    /** Navigation under Slow 3G and a 4× CPU slowdown, until the job list is drawn. */
    private static long timed(Page page, String url) {
        CDPSession cdp = page.context().newCDPSession(page);
        cdp.send("Network.enable");
        JsonObject conditions = new JsonObject();
        conditions.addProperty("offline", false);
        conditions.addProperty("latency", 2000);
        conditions.addProperty("downloadThroughput", 400 * 1024 / 8);
        conditions.addProperty("uploadThroughput", 400 * 1024 / 8);
        cdp.send("Network.emulateNetworkConditions", conditions);
        JsonObject cpu = new JsonObject();
        cpu.addProperty("rate", 4);
        cdp.send("Emulation.setCPUThrottlingRate", cpu);
        page.navigate(url, new Page.NavigateOptions().setTimeout(120_000));
        page.waitForSelector("article.job, main.field p.empty", new Page.WaitForSelectorOptions().setTimeout(120_000));
        double drawn = ((Number) page.evaluate("performance.now()")).doubleValue();
        JsonObject normal = new JsonObject();
        normal.addProperty("offline", false);
        normal.addProperty("latency", 0);
        normal.addProperty("downloadThroughput", -1);
        normal.addProperty("uploadThroughput", -1);
        cdp.send("Network.emulateNetworkConditions", normal);
        cpu.addProperty("rate", 1);
        cdp.send("Emulation.setCPUThrottlingRate", cpu);
        cdp.detach();
        return Math.round(drawn);
    }

    private static void signIn(Page page, String url, String user, String password) {
        page.navigate(url);
        page.locator("#username").fill(user);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
    }

    private static String row(String name, long[] times) {
        long[] sorted = times.clone();
        java.util.Arrays.sort(sorted);
        return "| " + name + " | " + java.util.Arrays.toString(times) + " | " + sorted[sorted.length / 2] + " |\n";
    }
}
