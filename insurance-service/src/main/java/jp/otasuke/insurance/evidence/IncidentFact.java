package jp.otasuke.insurance.evidence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.otasuke.common.events.IncidentOpened;

/** What triage announced of an incident: when it opened (the loss date) and what it was (evidence). */
@Entity
@Table(name = "incident_fact")
public class IncidentFact extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;
    @Column(name = "tenant_id")
    public UUID tenantId;
    public String title;
    public String category;
    public String priority;
    @Column(name = "opened_at")
    public Instant openedAt;

    /** The incident's facts, once; the fact recorded now, or null when it was known already. */
    static IncidentFact record(IncidentOpened opened) {
        if (findById(opened.incidentId()) != null) {
            return null;
        }
        IncidentFact fact = new IncidentFact();
        fact.incidentId = opened.incidentId();
        fact.tenantId = opened.tenantId();
        fact.title = opened.title();
        fact.category = opened.category() == null ? null : opened.category().name();
        fact.priority = opened.priority() == null ? null : opened.priority().name();
        fact.openedAt = opened.occurredAt();
        fact.persist();
        return fact;
    }

    public Evidence.Incident asEvidence() {
        return new Evidence.Incident(incidentId, title, category, priority, openedAt);
    }
}
