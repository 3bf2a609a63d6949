package dev.eventsourcing.jpa;

import dev.eventsourcing.jpa.entity.AggregateEventEntity;
import dev.eventsourcing.jpa.entity.OriginatorVersionKey;
import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.EventKey;
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
    private static final StateRows STATES = new StateRows("AggregateEventEntity", "recorderName", "es_aggregate_events", "recorder_name");

    private final String recorderName;
    private final JpaTransactions transactions;
    private final SqlDialect dialect;

    /**
     * A recorder that leaves conflicts to the database: a taken version fails on the key, and
     * the JPA provider logs that statement as an error. Prefer
     * {@link #JpaAggregateRecorder(String, JpaTransactions, DatabaseStrategy)}.
     *
     * @param recorderName the name that keys this recorder's rows, e.g. {@code "Bank.snapshots"}
     * @param transactions how units of work get an entity manager and a transaction
     */
    public JpaAggregateRecorder(String recorderName, JpaTransactions transactions) {
        this.recorderName = requireName(recorderName, "recorderName");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.dialect = null;
    }

    /**
     * A recorder that refuses a taken version without a failing statement, so that the JPA
     * provider logs nothing for this expected conflict. On MariaDB and H2 its writers are
     * serialised by the recorder's row in {@code es_applications} (the application's own row
     * when the recorder is named after it), which is added here when the transactions are
     * RESOURCE_LOCAL, and on first use otherwise.
     *
     * @param recorderName the name that keys this recorder's rows, e.g. {@code "Bank.snapshots"}
     * @param transactions how units of work get an entity manager and a transaction
     * @param database     the database's strategy, whose {@linkplain DatabaseStrategy#schema() schema} tells the SQL to use
     */
    public JpaAggregateRecorder(String recorderName, JpaTransactions transactions, DatabaseStrategy database) {
        this.recorderName = requireName(recorderName, "recorderName");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.dialect = SqlDialect.of(Objects.requireNonNull(database, "database").schema());
        if (transactions.ownsTransactions() && dialect != SqlDialect.POSTGRESQL) {
            try {
                transactions.inTransaction(em -> {
                    dialect.register(em, recorderName);
                    return null;
                });
            } catch (RuntimeException e) {
                throw JpaExceptions.translate(e, "Registering recorder " + recorderName);
            }
        }
    }

    @Override
    public List<Long> insertEvents(List<StoredEvent> events) {
        EventBatch batch = new EventBatch(events);
        if (batch.size() == 0) {
            return List.of();
        }
        try {
            transactions.inTransaction(em -> {
                if (dialect == null) {
                    persistFirstRowFirst(em, batch);
                } else {
                    AggregateRows.insert(em, recorderName, batch.events(), dialect);
                }
                em.flush();
                return null;
            });
            return List.of();
        } catch (RecorderException refused) {
            // Raised by the recorder's own check, which says what clashed.
            throw refused;
        } catch (RuntimeException e) {
            RecorderException translated = JpaExceptions.translate(e, "Inserting " + batch.size() + " events into " + recorderName);
            throw batch.conflict(translated, false, transactions, this::isStored);
        }
    }

    private void persistFirstRowFirst(EntityManager em, EventBatch batch) {
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
    }

    @Override
    public List<StoredEvent> selectAllEvents(EventKey after, int limit) {
        return STATES.selectAll(transactions, recorderName, after, limit);
    }

    @Override
    public int replaceStates(List<StoredEvent> events) {
        return STATES.replace(transactions, recorderName, events);
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

    /** @return the name that keys this recorder's rows */
    String recorderName() {
        return recorderName;
    }

    /** @return the transactions this recorder's units of work run in */
    JpaTransactions transactions() {
        return transactions;
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
