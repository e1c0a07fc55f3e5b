package jp.otasuke.common.events;

/** The Kafka topics of the platform: one per stream, versioned in the name. */
public final class Topics {

    public static final String ALERTS = "otasuke.alerts.v1";
    public static final String CONSULTATIONS = "otasuke.consultations.v1";
    /** Compacted: the latest state of each tenant, keyed by tenant id. */
    public static final String TENANTS = "otasuke.tenants.v1";
    public static final String INCIDENTS = "otasuke.incidents.v1";
    public static final String DISPATCH = "otasuke.dispatch.v1";
    public static final String CLAIMS = "otasuke.claims.v1";
    /** Sensors' health: a sensor fell silent, a silent sensor spoke again; keyed by sensor id. */
    public static final String SENSORS = "otasuke.sensors.v1";
    /** Notices sent to people (notify-service), keyed by incident id: the timeline shows who was told. */
    public static final String NOTICES = "otasuke.notices.v1";

    private Topics() {
    }

    /** Where a consumer group parks the records of a topic it could not process. */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + ".dlq." + consumerGroup;
    }
}
