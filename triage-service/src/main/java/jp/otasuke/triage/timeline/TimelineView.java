package jp.otasuke.triage.timeline;

import java.time.Instant;

/** A timeline line as the API shows it: {@code [{at, type, summary, visibility}]} (plus who, for the SOC). */
public record TimelineView(Instant at, String type, String summary, Visibility visibility, String actor) {

    static TimelineView forSoc(TimelineEntry e) {
        return new TimelineView(e.at, e.type, e.summary, e.visibility(), e.actor);
    }

    /** The SME's line: its own words, and no operator names. */
    static TimelineView forCustomer(TimelineEntry e) {
        return new TimelineView(e.at, e.type, e.customerSummary, Visibility.CUSTOMER, null);
    }
}
