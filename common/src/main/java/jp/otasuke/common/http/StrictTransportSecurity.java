package jp.otasuke.common.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;
import jp.otasuke.common.config.SharedConfig;

/**
 * HSTS on answers that travelled over TLS: directly, or through a TLS-terminating proxy that says so
 * ({@code X-Forwarded-Proto: https}, honoured only when {@code BEHIND_PROXY} is set). Over plain http the header
 * would mean nothing (browsers ignore it there), and a local platform on http must stay reachable.
 */
@ApplicationScoped
public class StrictTransportSecurity {

    private final String value;

    StrictTransportSecurity(SharedConfig config) {
        this.value = config.http().hsts();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            if ("https".equals(ctx.request().scheme())) {
                ctx.response().putHeader("Strict-Transport-Security", value);
            }
            ctx.next();
        });
    }
}
