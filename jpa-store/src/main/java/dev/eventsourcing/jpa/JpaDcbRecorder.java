package dev.eventsourcing.jpa;

import dev.eventsourcing.dcb.DcbAppendCondition;
import dev.eventsourcing.dcb.DcbConditionFailedException;
import dev.eventsourcing.dcb.DcbEvent;
import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.dcb.DcbReadResponse;
import dev.eventsourcing.dcb.DcbRecorder;
import dev.eventsourcing.dcb.DcbSequencedEvent;
import dev.eventsourcing.dcb.DcbSubscription;
import dev.eventsourcing.persistence.CommitWatch;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.RecorderException;
import jakarta.persistence.EntityManagerFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * A {@link DcbRecorder} on JPA: the DCB events of one application in {@code es_dcb_events}, with
 * a row per tag in {@code es_dcb_tags}, keyed by the application's name as the other tables are,
 * so that several DCB applications (and the notification logs of event-sourced ones) share one
 * persistence unit, each DCB application with its own positions from 1. Event ids are unique per
 * application.
 *
 * <p>Every call is one unit of work of the given {@link JpaTransactions}: its own
 * RESOURCE_LOCAL transaction in Java SE, or the caller's JTA transaction in a container, so that
 * a command's read and its conditional append can run in the caller's transaction. Positions
 * follow the notification log's mechanism on each database ({@link DatabaseStrategy}): a reader
 * never sees a position that is later filled below one it has seen, and {@code head} is never
 * ahead of a position still to commit. On PostgreSQL, appends on disjoint boundaries do not wait
 * for each other and an append is one round trip; on MariaDB and H2 the writers of one
 * application take turns (see the module's README for why, and for the tables). On PostgreSQL,
 * use READ COMMITTED transactions (the default; other levels are refused).
 *
 * <p>A failed condition is a {@link DcbConditionFailedException} and leaves nothing behind; no
 * statement fails for it, so the JPA provider logs nothing. A stored event id is an
 * {@link IntegrityException}, found the same way. Types and tags are at most 255 characters.
 * Every other failure is translated like the other recorders' ({@link RecorderException}).
 */
public class JpaDcbRecorder implements DcbRecorder {

    private final String applicationName;
    private final JpaTransactions transactions;
    private final DcbStrategy strategy;
    private final CommitSignals signals;

    /**
     * @param applicationName the DCB application whose events these are; keys their rows
     * @param transactions    how units of work get an entity manager and a transaction
     * @param database        the database's strategy, e.g. {@link DatabaseStrategy#postgresql()}
     */
    public JpaDcbRecorder(String applicationName, JpaTransactions transactions, DatabaseStrategy database) {
        this(applicationName, transactions, database, CommitSignals.of(database, transactions));
    }

    JpaDcbRecorder(String applicationName, JpaTransactions transactions, DatabaseStrategy database, CommitSignals signals) {
        this.signals = Objects.requireNonNull(signals, "signals");
        this.applicationName = JpaAggregateRecorder.requireName(applicationName, "applicationName");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.strategy = DcbStrategy.of(Objects.requireNonNull(database, "database"));
        if (transactions.ownsTransactions()) {
            register();
        }
    }

    /**
     * Registers the application's positions (its row in {@code es_applications}, and on
     * PostgreSQL its sequence) unless they are registered already; the constructor does so when
     * the transactions are RESOURCE_LOCAL. With joined (JTA) transactions, call it once at
     * start-up in a transaction of its own, so that concurrent first writers do not race to
     * register (on H2 the loser of that race gets an integrity error).
     *
     * @throws RecorderException when the database cannot be used
     */
    public void register() {
        JpaExceptions.inTransaction(transactions, "Registering DCB application " + applicationName, em -> {
            strategy.register(em, applicationName);
            return null;
        });
    }

    /** @return the DCB application whose events this recorder keeps */
    public String applicationName() {
        return applicationName;
    }

    @Override
    public OptionalLong head() {
        long head = JpaExceptions.inTransaction(transactions, "Reading the head of " + applicationName,
                em -> strategy.bound(em, applicationName));
        return head == 0 ? OptionalLong.empty() : OptionalLong.of(head);
    }

    @Override
    public DcbReadResponse read(DcbQuery query, long after) {
        DcbPage page = page(query, after, -1);
        return new DcbReadResponse(page.events(), page.bound() == 0 ? OptionalLong.empty() : OptionalLong.of(page.bound()));
    }

    @Override
    public DcbReadResponse read(DcbQuery query, long after, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, not " + limit);
        }
        DcbPage page = page(query, after, limit);
        List<DcbSequencedEvent> events = page.events();
        return new DcbReadResponse(events,
                events.isEmpty() ? OptionalLong.empty() : OptionalLong.of(events.get(events.size() - 1).position()));
    }

    /**
     * The matching events after a position, up to the highest position every event below which
     * is settled, at most {@code limit} of them ({@code limit < 0} for all), with that bound.
     */
    DcbPage page(DcbQuery query, long after, int limit) {
        Objects.requireNonNull(query, "query");
        if (after < 0) {
            throw new IllegalArgumentException("after must be 0 or more, not " + after);
        }
        return JpaExceptions.inTransaction(transactions, "Reading DCB events of " + applicationName, em -> {
            // The bound first, in a statement of its own: every event at or below it is
            // settled, so the select that follows sees all of them and the head never runs ahead.
            long bound = strategy.bound(em, applicationName);
            if (bound <= after || limit == 0) {
                return new DcbPage(List.of(), bound);
            }
            List<?> rows = DcbSelects.events(applicationName, query, after, bound, limit, strategy.join())
                    .query(em).getResultList();
            return new DcbPage(rows.stream().map(row -> DcbRows.event((Object[]) row)).toList(), bound);
        });
    }

    @Override
    public long append(List<DcbEvent> events) {
        return appendChecked(events, null);
    }

    @Override
    public long append(List<DcbEvent> events, DcbAppendCondition condition) {
        return appendChecked(events, Objects.requireNonNull(condition, "condition"));
    }

    private long appendChecked(List<DcbEvent> events, DcbAppendCondition condition) {
        List<DcbEvent> batch = List.copyOf(Objects.requireNonNull(events, "events"));
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("An append needs at least one event");
        }
        refuseRepeatedIds(batch);
        DcbRows.checkLengths(batch);
        EntityManagerFactory[] unit = new EntityManagerFactory[1];
        long last = JpaExceptions.inTransaction(transactions, "Appending " + batch.size() + " DCB events to " + applicationName,
                em -> {
                    long appended = strategy.append(em, applicationName, batch, condition);
                    unit[0] = em.getEntityManagerFactory();
                    return appended;
                });
        signals.recorded(DcbRows.logName(applicationName), unit[0]);
        return last;
    }

    private void refuseRepeatedIds(List<DcbEvent> batch) {
        Set<UUID> ids = new HashSet<>();
        for (DcbEvent event : batch) {
            if (!ids.add(event.id())) {
                throw new IntegrityException("Appending to " + applicationName + " failed: the batch holds event id "
                        + event.id() + " twice");
            }
        }
    }

    @Override
    public DcbSubscription subscribe(DcbQuery query, long after) {
        Objects.requireNonNull(query, "query");
        if (after < 0) {
            throw new IllegalArgumentException("after must be 0 or more, not " + after);
        }
        DcbPollingSubscription subscription = new DcbPollingSubscription(this, query, after);
        subscription.wokenBy(signals.watchIncludingOwn(DcbRows.logName(applicationName), subscription::wake), signals.pollInterval());
        return subscription;
    }

    /** {@inheritDoc} On PostgreSQL by {@code LISTEN/NOTIFY}, as {@link JpaApplicationRecorder#watchCommits}. */
    @Override
    public CommitWatch watchCommits(Runnable listener) {
        return signals.watch(DcbRows.logName(applicationName), Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + applicationName + ", " + strategy + "]";
    }

    /** Events read, and the bound they were read up to. */
    record DcbPage(List<DcbSequencedEvent> events, long bound) {
    }
}
