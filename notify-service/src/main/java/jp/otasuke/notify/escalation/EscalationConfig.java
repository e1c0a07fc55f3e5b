package jp.otasuke.notify.escalation;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** How escalation clocks are watched ({@code otasuke.escalation.*}). */
@ConfigMapping(prefix = "otasuke.escalation")
public interface EscalationConfig {

    /** How often the watch looks for escalation steps that fell due. */
    Duration watchEvery();
}
