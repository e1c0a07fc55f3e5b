package jp.otasuke.ingest.intake.format;

/** What a parser made of one record: an alert, a record that is not an alert, or a record it cannot read. */
public sealed interface ParseOutcome {

    record Alert(NormalizedAlert alert) implements ParseOutcome {
    }

    /** A well-formed record that is not an alert (flow, dns, stats, a log header, ...). */
    record Skipped(String reason) implements ParseOutcome {
    }

    /** A record that cannot be read; the reason goes back to the sensor with the line number. */
    record Rejected(String reason) implements ParseOutcome {
    }

    static ParseOutcome skipped(String reason) {
        return new Skipped(reason);
    }

    static ParseOutcome rejected(String reason) {
        return new Rejected(reason);
    }
}
