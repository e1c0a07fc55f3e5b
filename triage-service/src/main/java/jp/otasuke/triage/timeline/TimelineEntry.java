package jp.otasuke.triage.timeline;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jp.otasuke.common.paging.Keyset;
import jp.otasuke.common.paging.Page;
import jp.otasuke.common.problem.ProblemException;

/**
 * One line of an incident's story: a SOC step, an engineer's move, an insurer's decision. It is also the
 * audit trail: who did what, when. {@code socKey} and {@code socFacts} are what the SOC reads, in its language
 * ({@code summary} keeps them in English for readers that ask no language); {@code customerSummary} is the
 * plain-language line an SME reads, and is null for entries the SME must not see (internal notes, raw
 * alert detail, re-planning).
 */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "incident_id")
    public UUID incidentId;
    public Instant at;
    public String type;
    public String summary;
    @Column(name = "customer_summary")
    public String customerSummary;
    /** The SME's line as a message key and its facts, rendered in the reader's language (older entries: null). */
    @Column(name = "customer_key")
    public String customerKey;
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    public java.util.Map<String, Object> facts;
    /** The SOC's line as a message key and its facts (older entries: null, their {@code summary} is the line). */
    @Column(name = "soc_key")
    public String socKey;
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    @Column(name = "soc_facts")
    public java.util.Map<String, Object> socFacts;
    public String actor;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** An entry only the SOC sees. */
    public static TimelineEntry internal(UUID id, UUID incidentId, Instant at, String type, SocLine soc, String actor) {
        return record(id, incidentId, at, type, soc, null, actor);
    }

    /** An entry the SME sees too, in its own words (kept in English too, for readers that ask for no language). */
    public static TimelineEntry shared(UUID id, UUID incidentId, Instant at, String type, SocLine soc,
            CustomerLine customer, String actor) {
        return record(id, incidentId, at, type, soc, customer, actor);
    }

    /** The SME's line in this language. */
    public String customerSummary(java.util.Locale locale) {
        return customerKey == null ? customerSummary : CustomerLine.render(customerKey, facts, locale);
    }

    /** The SOC's line in this language. */
    public String socSummary(java.util.Locale locale) {
        return socKey == null ? summary : SocLine.render(socKey, socFacts, locale);
    }

    /** Complete before it is persisted: a field set afterwards cost an update of the row it had just inserted. */
    private static TimelineEntry record(UUID id, UUID incidentId, Instant at, String type, SocLine soc,
            CustomerLine customer, String actor) {
        TimelineEntry entry = new TimelineEntry();
        entry.id = id;
        entry.incidentId = incidentId;
        entry.at = at;
        entry.type = type;
        entry.summary = soc.render(java.util.Locale.ENGLISH);
        entry.socKey = soc.key();
        entry.socFacts = soc.facts();
        if (customer != null) {
            entry.customerSummary = customer.render(java.util.Locale.ENGLISH);
            entry.customerKey = customer.key();
            entry.facts = customer.facts();
        }
        entry.actor = actor;
        entry.recordedAt = Instant.now();
        entry.persist();
        return entry;
    }

    public Visibility visibility() {
        return customerSummary == null ? Visibility.INTERNAL : Visibility.CUSTOMER;
    }

    /** The incident's story in the order it happened (then as it was recorded); {@code cursor} is an entry's id. */
    public static Keyset page(UUID incidentId, boolean customerOnly, int limit, String cursor) {
        Keyset page = Keyset.page(limit, cursor).scope("incidentId", incidentId)
                .orderedBy("at, recordedAt, id", last -> after(incidentId, last));
        return customerOnly ? page.where("customerSummary is not null") : page;
    }

    private static Optional<Keyset.After> after(UUID incidentId, String cursor) {
        UUID id = Page.after(cursor);
        TimelineEntry last = TimelineEntry.<TimelineEntry>find("id = ?1 and incidentId = ?2", id, incidentId)
                .firstResultOptional().orElseThrow(() -> ProblemException.badField("cursor", "cursor is not one this API returned"));
        return Optional.of(new Keyset.After("at > :at or (at = :at and (recordedAt > :recorded or (recordedAt = :recorded"
                + " and id > :id)))", Parameters.with("at", last.at).and("recorded", last.recordedAt).and("id", last.id)));
    }
}
