package jp.otasuke.triage;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jp.otasuke.common.events.Enums.Priority;

/** The triage rules an operator may tune (API.md gives the defaults). */
@ConfigMapping(prefix = "otasuke.triage")
public interface TriageConfig {

    /** An alert joins an open incident whose last alert is less than this older (or newer) than it. */
    @WithDefault("PT30M")
    Duration correlationWindow();

    /** How long the SOC has to acknowledge an incident, per priority. */
    AckDue ackDue();

    /** The priority a consultation from the desk starts with. */
    @WithDefault("P3")
    Priority consultationPriority();

    /** The priority of an operations incident (records in a dead-letter topic: something is being lost to view). */
    @WithDefault("P2")
    Priority operationsPriority();

    /** How often the SLA watch looks for incidents past their acknowledge-due time. */
    @WithDefault("10s")
    Duration slaCheckEvery();

    Retention retention();

    /** How long triage keeps what it stores; incidents, their counts and timelines are kept. */
    interface Retention {
        /**
         * Months of alerts (each with its raw record) kept, by the month they were observed: long enough for a yearly
         * report and an insurer's questions about last year's incident.
         */
        @WithDefault("13")
        int alertMonths();

        /** How long a record that fell into a dead-letter topic is kept, after its operations incident. */
        @WithDefault("365d")
        Duration deadLetters();
    }

    interface AckDue {
        @WithDefault("PT15M")
        Duration p1();

        @WithDefault("PT1H")
        Duration p2();

        @WithDefault("PT4H")
        Duration p3();

        @WithDefault("PT24H")
        Duration p4();

        default Duration of(Priority priority) {
            return switch (priority) {
                case P1 -> p1();
                case P2 -> p2();
                case P3 -> p3();
                case P4 -> p4();
            };
        }
    }
}
