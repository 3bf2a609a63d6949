package dev.eventsourcing.jpa;

import dev.eventsourcing.jpa.entity.AggregateEventEntity;
import dev.eventsourcing.jpa.entity.OriginatorVersionKey;
import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.EventSelection;
import dev.eventsourcing.persistence.RecorderException;
import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An {@link AggregateRecorder} on JPA without a total order: the store for snapshots, or for
 * events nobody follows. Rows live in {@code es_aggregate_events}, keyed by the recorder's name,
 * so several recorders share one table.
 *
 * <p>{@link #insertEvents} flushes inside the call: a taken version fails there with a
 * {@link dev.eventsourcing.persistence.ConcurrencyConflictException} (or another
 * {@link dev.eventsourcing.persistence.IntegrityException} when the database does not say which
 * event clashed), never later at commit. Every failure arrives as a {@link RecorderException}.
 */
public class JpaAggregateRecorder implements AggregateRecorder {

    private static final String SELECT_ASCENDING = EventQueries.selectEventsJpql("AggregateEventEntity", "recorderName", false);
    private static final String SELECT_DESCENDING = EventQueries.selectEventsJpql("AggregateEventEntity", "recorderName", true);

    private final String recorderName;
    private final JpaTransactions transactions;

    /**
     * @param recorderName the name that keys this recorder's rows, e.g. {@code "Bank.snapshots"}
     * @param transactions how units of work get an entity manager and a transaction
     */
    public JpaAggregateRecorder(String recorderName, JpaTransactions transactions) {
        this.recorderName = requireName(recorderName, "recorderName");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public List<Long> insertEvents(List<StoredEvent> events) {
        EventBatch batch = new EventBatch(events);
        if (batch.size() == 0) {
            return List.of();
        }
        try {
            transactions.inTransaction(em -> {
                boolean first = true;
                for (StoredEvent event : batch.events()) {
                    em.persist(new AggregateEventEntity(recorderName, event.originatorId(), event.originatorVersion(),
                            event.topic(), event.state()));
                    if (first) {
                        // Racing writers meet on the batch's first row before they lock any
                        // other: one goes on, the other waits there and then fails with a
                        // version conflict. Left to the provider, the rows of a batch may be
                        // inserted in different orders by different writers (EclipseLink), and
                        // two writers then wait for each other until the lock timeout.
                        em.flush();
                        first = false;
                    }
                }
                em.flush();
                return null;
            });
            return List.of();
        } catch (RuntimeException e) {
            RecorderException translated = JpaExceptions.translate(e, "Inserting " + batch.size() + " events into " + recorderName);
            throw batch.conflict(translated, false, transactions, this::isStored);
        }
    }

    @Override
    public List<StoredEvent> selectEvents(UUID originatorId, EventSelection selection) {
        Objects.requireNonNull(originatorId, "originatorId");
        Objects.requireNonNull(selection, "selection");
        try {
            return transactions.inTransaction(em -> EventQueries.select(em,
                            selection.desc() ? SELECT_DESCENDING : SELECT_ASCENDING, StoredEvent.class,
                    recorderName, originatorId, selection));
        } catch (RuntimeException e) {
            throw JpaExceptions.translate(e, "Selecting events of " + originatorId + " from " + recorderName);
        }
    }

    private boolean isStored(EntityManager em, StoredEvent event) {
        return em.find(AggregateEventEntity.class,
                new OriginatorVersionKey(recorderName, event.originatorId(), event.originatorVersion())) != null;
    }

    @Override
    public String toString() {
        return "JpaAggregateRecorder[" + recorderName + "]";
    }

    static String requireName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isBlank() || name.length() > 255) {
            throw new IllegalArgumentException(what + " must have 1 to 255 characters, was '" + name + "'");
        }
        return name;
    }
}
