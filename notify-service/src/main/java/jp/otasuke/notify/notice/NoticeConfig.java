package jp.otasuke.notify.notice;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How notices are sent (defaults and variables in application.properties and the README). */
@ConfigMapping(prefix = "otasuke.notices")
public interface NoticeConfig {

    /** A failed notice is tried again after this, doubling up to {@link #longestRetry()}. */
    Duration firstRetry();

    Duration longestRetry();

    /** How often due notices are looked for. */
    Duration poll();

    /** How many notices are being sent at once per instance: a mail server that stalls holds up one, not all. */
    @WithDefault("8")
    int inFlight();

    /** How long a notice that went out (or reached nobody, or was cancelled) is kept: the record of who was told. */
    @WithDefault("365d")
    Duration keep();

    /** The provider's desk, which every SME's mail gives as the number to call (24 hours). */
    String deskPhone();

    /** Where a notice's link opens the incident ({@code /soc/}, {@code /my/}, {@code /field/} below it). */
    String appsUrl();
}
