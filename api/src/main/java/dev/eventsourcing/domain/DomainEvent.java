package dev.eventsourcing.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An immutable fact about one originator: the event {@code payload} the domain model defines,
 * with the id of the aggregate it happened to, the aggregate's version after it (starting at 1
 * for the event that created the aggregate) and when it happened.
 *
 * <p>A payload is usually an {@link AggregateEvent} record; for a snapshot it is a copy of the
 * aggregate itself (see {@link Aggregates#snapshotOf}).
 *
 * @param originatorId the id of the aggregate the event happened to
 * @param originatorVersion the aggregate's version after the event, from 1
 * @param timestamp when the event happened
 * @param payload the event as the domain model defines it, or the aggregate for a snapshot
 * @param <P> the payload type
 */
public record DomainEvent<P>(UUID originatorId, long originatorVersion, Instant timestamp, P payload) {

    /**
     * An event; every component but the version is required.
     *
     * @param originatorId the id of the aggregate the event happened to; not null
     * @param originatorVersion the aggregate's version after the event, from 1
     * @param timestamp when the event happened; not null
     * @param payload the event or snapshot; not null
     */
    public DomainEvent {
        Objects.requireNonNull(originatorId, "originatorId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payload, "payload");
    }
}
