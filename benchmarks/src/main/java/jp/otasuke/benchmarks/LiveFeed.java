package jp.otasuke.benchmarks;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;

/** web's live feed read as a signed-in browser's EventSource reads it, each notice stamped when it arrived. */
final class LiveFeed {

    private LiveFeed() {
    }

    /** Follows {@code /live} on a thread of its own; returns once the feed said hello (or failed). */
    static void follow(WebSession session, BiConsumer<JsonNode, Long> onNotice) throws InterruptedException {
        CountDownLatch live = new CountDownLatch(1);
        Thread listener = new Thread(() -> listen(session, live, onNotice), "bench-sse");
        listener.setDaemon(true);
        listener.start();
        live.await();
    }

    private static void listen(WebSession session, CountDownLatch live, BiConsumer<JsonNode, Long> onNotice) {
        long[] notices = {0};
        try {
            HttpResponse<java.util.stream.Stream<String>> stream = session.http.send(session.request("/live")
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
            String[] event = {""};
            stream.body().forEach(line -> {
                if (line.startsWith("event:")) {
                    event[0] = line.substring(6).trim();
                    if (event[0].equals("hello") || event[0].equals("resync")) {
                        live.countDown();
                    }
                } else if (line.startsWith("data:") && event[0].equals("notice")) {
                    long now = System.currentTimeMillis();
                    notices[0]++;
                    try {
                        onNotice.accept(BenchPlatform.JSON.readTree(line.substring(5).trim()), now);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        } catch (Exception e) {
            System.err.println("SSE client stopped at " + Instant.now() + " after " + notices[0] + " notices: " + e);
            live.countDown();
        }
    }
}
