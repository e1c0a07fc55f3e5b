package jp.otasuke.triage.timeline;

import java.time.Instant;

/** A timeline line as the API shows it: {@code [{at, type, summary, visibility}]} (plus who, for the SOC). */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record TimelineView(Instant at, String type, String summary, Visibility visibility, String actor,
        java.util.Map<String, Object> facts) {

    public static TimelineView forSoc(TimelineEntry e) {
        return new TimelineView(e.at, e.type, e.summary, e.visibility(), e.actor, e.facts);
    }

    /** The SME's line: its own words in its language, its facts as fields, and no operator names. */
    public static TimelineView forCustomer(TimelineEntry e, java.util.Locale locale) {
        return new TimelineView(e.at, e.type, e.customerSummary(locale), Visibility.CUSTOMER, null, e.facts);
    }
}
