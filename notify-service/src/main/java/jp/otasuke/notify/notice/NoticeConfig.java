package jp.otasuke.notify.notice;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** How notices are sent (defaults and variables in application.properties and the README). */
@ConfigMapping(prefix = "otasuke.notices")
public interface NoticeConfig {

    /** A failed notice is tried again after this, doubling up to {@link #longestRetry()}. */
    Duration firstRetry();

    Duration longestRetry();

    /** How often due notices are looked for (read by the worker's schedule). */
    String poll();

    /** Where a notice's link opens the incident ({@code /soc/}, {@code /my/}, {@code /field/} below it). */
    String appsUrl();
}
