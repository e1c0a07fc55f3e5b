package jp.otasuke.common.ratelimit;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.SecurityIdentity;
import jp.otasuke.common.config.SharedConfig;
import jp.otasuke.common.problem.ProblemException;

/**
 * Every signed-in caller (a person or an insurer's system, by the token's subject) gets a token bucket on
 * every service: 429 with Retry-After beyond it. Generous enough for the apps (a page load makes a handful
 * of calls, a live page re-reads what changed); sensors authenticate with their keys and keep their own
 * limit in ingest.
 */
@Singleton
public class CallerRateLimit {

    private final Provider<SharedConfig> config;
    private volatile TokenBuckets<String> buckets;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    /*
     * A REST filter is made while the REST layer is set up, before runtime configuration exists (and again when a
     * test restarts the application), so the limits are read at the first request, not here.
     */
    CallerRateLimit(Provider<SharedConfig> config, SecurityIdentity identity, JsonWebToken token) {
        this.config = config;
        this.identity = identity;
        this.token = token;
    }

    @ServerRequestFilter
    public void limit() {
        if (identity.isAnonymous() || token.getSubject() == null) {
            return;
        }
        if (!buckets().tryAcquire(token.getSubject())) {
            throw new ProblemException(429, "Too Many Requests",
                    "You are sending requests faster than the platform allows; retry after a second")
                    .withHeader("Retry-After", "1");
        }
    }

    private TokenBuckets<String> buckets() {
        TokenBuckets<String> made = buckets;
        if (made == null) {
            synchronized (this) {
                if (buckets == null) {
                    buckets = new TokenBuckets<>(config.get().api().requestsPerSecond(), config.get().api().burst());
                }
                made = buckets;
            }
        }
        return made;
    }
}
