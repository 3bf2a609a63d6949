package dev.eventsourcing.jpa.entity;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The primary key of an {@link AggregateEventEntity}: recorder, originator and version. */
public class OriginatorVersionKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private String recorderName;
    private UUID originatorId;
    private long originatorVersion;

    protected OriginatorVersionKey() {
    }

    public OriginatorVersionKey(String recorderName, UUID originatorId, long originatorVersion) {
        this.recorderName = recorderName;
        this.originatorId = originatorId;
        this.originatorVersion = originatorVersion;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OriginatorVersionKey other
                && originatorVersion == other.originatorVersion
                && Objects.equals(recorderName, other.recorderName)
                && Objects.equals(originatorId, other.originatorId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recorderName, originatorId, originatorVersion);
    }
}
