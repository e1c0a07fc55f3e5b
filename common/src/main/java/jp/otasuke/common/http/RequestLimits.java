package jp.otasuke.common.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jp.otasuke.contract.problem.Problem;
import jp.otasuke.common.config.SharedConfig;

/**
 * Over-long request lines and over-large bodies are refused with a problem+json body, like every other
 * error. Vert.x would refuse both itself, but with an empty answer: its own line limit is set well above
 * ours ({@code quarkus.http.limits.max-initial-line-length}), so this route sees the line first.
 */
@ApplicationScoped
public class RequestLimits {

    private final int maxUriLength;
    private final long maxBodyBytes;

    RequestLimits(SharedConfig config) {
        this.maxUriLength = config.http().maxUriLength();
        this.maxBodyBytes = config.http().maxBodySize().asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        if (ctx.request().uri().length() > maxUriLength) {
            refuse(ctx, 414, "URI Too Long", "The request's address is longer than " + maxUriLength + " characters");
            return;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length)) {
            refuse(ctx, 413, "Content Too Large", "The request body is larger than " + maxBodyBytes + " bytes");
            return;
        }
        ctx.next();
    }

    private boolean exceeds(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }

    private static void refuse(RoutingContext ctx, int status, String title, String detail) {
        String body = Json.encode(Problem.of(status, title, detail)); // the same document the REST layer writes
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(body);
    }
}
