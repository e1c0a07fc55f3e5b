package jp.otasuke.infra.story;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpServer;

/** A stand-in for an insurer's system in the demo: receives the claim webhooks and says what came in. */
public final class WebhookPrinter implements AutoCloseable {

    private final HttpServer server;

    public WebhookPrinter(Consumer<String> say) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/insurer-a/claims", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            say.accept("   ⇢ insurer-a's webhook got " + exchange.getRequestHeaders().getFirst("X-Otasuke-Event") + " ("
                    + body.length() + " bytes, " + exchange.getRequestHeaders().getFirst("X-Otasuke-Signature") + ")");
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/insurer-a/claims";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
