package dev.eventsourcing.testing;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;
import dev.eventsourcing.domain.Aggregates;
import dev.eventsourcing.domain.DomainEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The history a fixture starts from: the aggregate's events from version 1, each checked as it
 * is given. Events given without an id and version get the fixture's id and the next version;
 * events given with them must carry exactly those, or the history could not have been stored.
 */
final class GivenEvents {

    private final Class<? extends Aggregate> type;
    private final List<DomainEvent<?>> events = new ArrayList<>();
    private UUID id;
    private boolean idChosen;

    GivenEvents(Class<? extends Aggregate> type, UUID id) {
        this.type = type;
        this.id = id;
    }

    void chooseId(UUID chosen) {
        if (!events.isEmpty() && !events.get(0).originatorId().equals(chosen)) {
            throw new IllegalStateException("Choose the aggregate's id before giving events: the given events"
                    + " belong to " + id + ", not to " + chosen);
        }
        id = chosen;
        idChosen = true;
    }

    UUID id() {
        return id;
    }

    void add(AggregateEvent<?> payload) {
        Objects.requireNonNull(payload, "given event " + (events.size() + 1));
        checkType(payload);
        events.add(new DomainEvent<>(id, events.size() + 1L, nextTimestamp(Instant.now()), payload));
    }

    void add(DomainEvent<?> event) {
        int position = events.size() + 1;
        Objects.requireNonNull(event, "given event " + position);
        if (!(event.payload() instanceof AggregateEvent<?> payload)) {
            throw new IllegalArgumentException("Given event " + position + " is not an aggregate event: "
                    + Events.describe(event.payload()));
        }
        checkType(payload);
        if (events.isEmpty() && !idChosen) {
            id = event.originatorId();
        }
        if (!event.originatorId().equals(id)) {
            throw new IllegalArgumentException("Given event " + position + " (" + Events.name(payload.getClass())
                    + ") has originator id " + event.originatorId() + ", but the aggregate is " + id
                    + (idChosen ? " (chosen with withId)" : " (from the given event 1)"));
        }
        if (event.originatorVersion() != position) {
            throw new IllegalArgumentException("Given event " + position + " (" + Events.name(payload.getClass())
                    + ") has originator version " + event.originatorVersion() + "; it must be " + position
                    + ": the given events are the aggregate's history from version 1, without gaps");
        }
        events.add(event);
    }

    private void checkType(AggregateEvent<?> payload) {
        int position = events.size() + 1;
        Class<? extends Aggregate> owner;
        try {
            owner = Aggregates.aggregateTypeOf(payload.getClass());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Given event " + position + ": " + e.getMessage(), e);
        }
        if (!owner.isAssignableFrom(type)) {
            throw new IllegalArgumentException("Given event " + position + " (" + Events.name(payload.getClass())
                    + ") is an event of " + Events.name(owner) + ", not of " + Events.name(type));
        }
    }

    // A stored history never goes back in time (Aggregate keeps its own events in order too).
    private Instant nextTimestamp(Instant wanted) {
        Instant last = events.isEmpty() ? null : events.get(events.size() - 1).timestamp();
        return last != null && wanted.isBefore(last) ? last : wanted;
    }

    List<DomainEvent<?>> events() {
        return List.copyOf(events);
    }

    boolean isEmpty() {
        return events.isEmpty();
    }
}
