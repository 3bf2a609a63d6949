package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.ConcurrencyConflictException;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.RecorderException;
import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

/** A checked batch of events to insert, and the integrity errors its insertion can raise. */
final class EventBatch {

    private record Key(UUID originatorId, long originatorVersion) {
    }

    private final List<StoredEvent> events;

    /**
     * Copies the batch and rejects it when an (originator id, version) appears twice.
     *
     * @throws IntegrityException for a duplicate within the batch; nothing is stored then
     */
    EventBatch(List<StoredEvent> events) {
        this.events = List.copyOf(Objects.requireNonNull(events, "events"));
        Set<Key> seen = new HashSet<>();
        for (StoredEvent event : this.events) {
            if (!seen.add(new Key(event.originatorId(), event.originatorVersion()))) {
                throw new IntegrityException("Event of " + event.originatorId() + " at version "
                        + event.originatorVersion() + " appears twice in one batch; nothing was stored");
            }
        }
    }

    List<StoredEvent> events() {
        return events;
    }

    int size() {
        return events.size();
    }

    /**
     * Names the conflicting event when an integrity error is an optimistic-concurrency conflict.
     *
     * <p>A single event inserted without tracking can only conflict on its own version. For a
     * larger batch the database does not say which row clashed, so when the transactions allow a
     * fresh unit of work the stored versions are looked up; otherwise (a joined JTA transaction,
     * now marked for rollback) the plain integrity error is returned.
     */
    RecorderException conflict(RecorderException translated, boolean withTracking, JpaTransactions transactions,
                               BiPredicate<EntityManager, StoredEvent> isStored) {
        if (!(translated instanceof IntegrityException) || translated instanceof ConcurrencyConflictException) {
            return translated;
        }
        Throwable cause = translated.getCause() == null ? translated : translated.getCause();
        if (events.size() == 1 && !withTracking) {
            return conflictOf(events.get(0), cause);
        }
        if (events.isEmpty() || !transactions.ownsTransactions()) {
            return translated;
        }
        try {
            StoredEvent taken = transactions.inTransaction(em -> events.stream()
                    .filter(event -> isStored.test(em, event)).findFirst().orElse(null));
            return taken == null ? translated : conflictOf(taken, cause);
        } catch (RuntimeException lookupFailure) {
            translated.addSuppressed(lookupFailure);
            return translated;
        }
    }

    private static ConcurrencyConflictException conflictOf(StoredEvent event, Throwable cause) {
        return new ConcurrencyConflictException(event.originatorId(), event.originatorVersion(), cause);
    }
}
