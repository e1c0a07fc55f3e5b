package jp.otasuke.triage.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A record a consumer could not apply, as it sits in its dead-letter topic, with its bytes for a re-drive. */
@Entity
@Table(name = "dead_letter")
public class DeadLetter extends PanacheEntityBase {

    /** A Kafka header as it was, its value in base64 (headers are bytes). */
    public record Header(String name, String value) {
    }

    @Id
    public UUID id;
    @Column(name = "dlq_topic")
    public String dlqTopic;
    @Column(name = "dlq_partition")
    public int dlqPartition;
    @Column(name = "dlq_offset")
    public long dlqOffset;
    @Column(name = "source_topic")
    public String sourceTopic;
    @Column(name = "source_partition")
    public Integer sourcePartition;
    @Column(name = "source_offset")
    public Long sourceOffset;
    @Column(name = "consumer_group")
    public String consumerGroup;
    @Column(name = "record_key")
    public String recordKey;
    public byte[] value;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Header> headers;
    public String reason;
    /** The failure's class: what dead letters are grouped by on one operations incident. */
    public String cause;
    @Column(name = "landed_at")
    public Instant landedAt;
    @Column(name = "incident_id")
    public UUID incidentId;
    @Column(name = "redriven_at")
    public Instant redrivenAt;
    @Column(name = "redriven_by")
    public String redrivenBy;

    /** The record that could not be applied, as Kafka's tools name one: topic-partition@offset. */
    public String sourceRecord() {
        return sourceTopic + "-" + sourcePartition + "@" + sourceOffset;
    }

    /** Where it is kept, the same way. */
    public String keptAs() {
        return dlqTopic + "-" + dlqPartition + "@" + dlqOffset;
    }
}
