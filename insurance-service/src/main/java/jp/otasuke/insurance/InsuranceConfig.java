package jp.otasuke.insurance;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What an operator sets for insurance (defaults and variables in application.properties and the README). */
@ConfigMapping(prefix = "otasuke.insurance")
public interface InsuranceConfig {

    /** The insurers the platform works with (each has a realm client with its insurer_id); a policy for another is 422. */
    List<String> insurers();

    Webhooks webhooks();

    /** Deliveries to insurers' webhooks: retried with a doubling backoff between these two, looked for every poll. */
    interface Webhooks {
        Duration firstRetry();

        Duration longestRetry();

        Duration poll();

        /** How long a receiver may take to answer: a slow receiver is waited for, not sent the change again. */
        @WithDefault("PT60S")
        Duration answerWithin();

        /** How long a delivered (or cancelled) change is kept, for the insurer's delivery log. */
        @WithDefault("365d")
        Duration keep();

        /** How many deliveries are in flight at once per instance: one slow receiver does not hold up the others. */
        @WithDefault("8")
        int inFlight();
    }
}
