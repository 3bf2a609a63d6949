package dev.eventsourcing.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * One event of an aggregate recorder without a total order, typically a snapshot: unique by
 * (recorder name, originator id, originator version).
 */
@Entity
@IdClass(OriginatorVersionKey.class)
@Table(name = "es_aggregate_events")
public class AggregateEventEntity {

    @Id
    @Column(name = "recorder_name", nullable = false, updatable = false)
    private String recorderName;

    @Id
    @Column(name = "originator_id", nullable = false, updatable = false)
    private UUID originatorId;

    @Id
    @Column(name = "originator_version", nullable = false, updatable = false)
    private long originatorVersion;

    @Column(name = "topic", nullable = false, updatable = false, length = 1000)
    private String topic;

    // No @Lob, for the reason given in StoredEventEntity.
    @Column(name = "state", nullable = false, updatable = false)
    private byte[] state;

    protected AggregateEventEntity() {
    }

    public AggregateEventEntity(String recorderName, UUID originatorId, long originatorVersion, String topic, byte[] state) {
        this.recorderName = recorderName;
        this.originatorId = originatorId;
        this.originatorVersion = originatorVersion;
        this.topic = topic;
        this.state = state;
    }

    public String recorderName() {
        return recorderName;
    }

    public UUID originatorId() {
        return originatorId;
    }

    public long originatorVersion() {
        return originatorVersion;
    }

    public String topic() {
        return topic;
    }

    /** The stored bytes themselves (not a copy): callers copy them into an api record. */
    public byte[] state() {
        return state;
    }
}
