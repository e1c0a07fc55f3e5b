package jp.otasuke.common.events;

/**
 * An event of one incident's story (incident, dispatch and claim events): keyed by the incident id, so
 * the whole story of an incident stays in order on its partition.
 */
public interface IncidentStory extends OtasukeEvent {

    java.util.UUID incidentId();

    /** The SME the incident concerns (the platform's own nil UUID for an operations incident). */
    java.util.UUID tenantId();

    /** The incident itself, unless the event is about one of its jobs or claims. */
    @Override
    default String subjectId() {
        return incidentId().toString();
    }

    @Override
    default String partitionKey() {
        return incidentId().toString();
    }
}
