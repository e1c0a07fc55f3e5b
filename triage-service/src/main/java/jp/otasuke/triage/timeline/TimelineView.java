package jp.otasuke.triage.timeline;

import java.time.Instant;

/** A timeline line as the API shows it: {@code [{at, type, summary, visibility}]} (plus who, for the SOC). */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record TimelineView(Instant at, String type, String summary, Visibility visibility, String actor,
        java.util.Map<String, Object> facts) {

    /** The SOC's line in its language, with its facts (another incident's id and title, for a link). */
    public static TimelineView forSoc(TimelineEntry e, java.util.Locale locale) {
        return new TimelineView(e.at, e.type, e.socSummary(locale), e.visibility(), e.actor,
                e.socFacts == null ? e.facts : e.socFacts);
    }

    /** The SME's line: its own words in its language, its facts as fields, and no operator names. */
    public static TimelineView forCustomer(TimelineEntry e, java.util.Locale locale) {
        return new TimelineView(e.at, e.type, e.customerSummary(locale), Visibility.CUSTOMER, null, e.facts);
    }
}
