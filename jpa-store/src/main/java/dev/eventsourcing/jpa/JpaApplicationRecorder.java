package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.CommitWatch;
import dev.eventsourcing.persistence.ConcurrencyConflictException;
import dev.eventsourcing.persistence.EventKey;
import dev.eventsourcing.persistence.EventSelection;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import dev.eventsourcing.persistence.RecorderException;
import dev.eventsourcing.persistence.SnapshotAndEvents;
import dev.eventsourcing.persistence.SnapshotJoiningRecorder;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Subscription;
import dev.eventsourcing.persistence.Tracking;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An {@link ApplicationRecorder} on JPA: the events of one application and its notification log,
 * in {@code es_events}, keyed by the application's name so that several applications share one
 * persistence unit, each with ids from 1.
 *
 * <p>Ids are reserved through the {@link DatabaseStrategy}, which guarantees that a reader
 * polling from its last seen id never skips a notification that commits late. Reads return only
 * rows that the strategy finds safe (up to its watermark, or on PostgreSQL a page whose ids are
 * all present from its start), and {@link #maxNotificationId()} stops at the watermark. On
 * PostgreSQL, read in READ COMMITTED transactions (the default); other isolation levels are
 * refused.
 *
 * <p>{@link #insertEvents} flushes inside the call: a taken version fails there with a
 * {@link ConcurrencyConflictException} naming the event, never at commit, and the call leaves
 * nothing in the unit of work (with joined JTA transactions the caller's transaction is not
 * marked for rollback by it: the caller decides). The shipped strategies detect the conflict
 * without a failing statement, so that the JPA provider logs nothing for it; with another
 * strategy the database's error surfaces as a {@link ConcurrencyConflictException} too, or as
 * another {@link dev.eventsourcing.persistence.IntegrityException} when the database does not
 * say which event clashed. Every failure arrives as a {@link RecorderException}.
 *
 * <p>It joins the snapshots of a {@link JpaAggregateRecorder} of the same transactions (so of
 * the same persistence unit): {@link #selectFromSnapshot} reads the latest snapshot and the
 * events after it in one statement.
 */
public class JpaApplicationRecorder implements ApplicationRecorder, SnapshotJoiningRecorder {

    // Reads build the api records straight from the rows, ordered along the whole index (see
    // EventQueries.selectEventsJpql for why).
    private static final String SELECT_ASCENDING = EventQueries.selectEventsJpql("StoredEventEntity", "applicationName", false);
    private static final String SELECT_DESCENDING = EventQueries.selectEventsJpql("StoredEventEntity", "applicationName", true);
    private static final String SELECT_ASCENDING_SQL = EventQueries.selectEventsSql(false);
    private static final String SELECT_DESCENDING_SQL = EventQueries.selectEventsSql(true);
    private static final StateRows STATES = new StateRows("StoredEventEntity", "applicationName", "es_events", "application_name");
    private static final String COUNT_VERSION = """
            SELECT COUNT(e) FROM StoredEventEntity e
            WHERE e.applicationName = :applicationName AND e.originatorId = :originatorId
              AND e.originatorVersion = :version""";

    private final String applicationName;
    private final JpaTransactions transactions;
    private final DatabaseStrategy database;
    private final CommitSignals signals;
    private final boolean singleRowTracking;

    /**
     * @param applicationName the application whose log this is; keys its rows
     * @param transactions    how units of work get an entity manager and a transaction
     * @param database        the database-specific steps, e.g. {@link DatabaseStrategy#postgresql()}
     */
    public JpaApplicationRecorder(String applicationName, JpaTransactions transactions, DatabaseStrategy database) {
        this(applicationName, transactions, database, CommitSignals.of(database, transactions),
                JpaSettings.DEFAULT_SINGLE_ROW_TRACKING);
    }

    JpaApplicationRecorder(String applicationName, JpaTransactions transactions, DatabaseStrategy database,
                           CommitSignals signals) {
        this(applicationName, transactions, database, signals, JpaSettings.DEFAULT_SINGLE_ROW_TRACKING);
    }

    /** A recorder that records tracking positions (a process recorder's) in one row each, or in one row in all. */
    JpaApplicationRecorder(String applicationName, JpaTransactions transactions, DatabaseStrategy database,
                           CommitSignals signals, boolean singleRowTracking) {
        this.singleRowTracking = singleRowTracking;
        this.applicationName = JpaAggregateRecorder.requireName(applicationName, "applicationName");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.database = Objects.requireNonNull(database, "database");
        this.signals = Objects.requireNonNull(signals, "signals");
        if (transactions.ownsTransactions()) {
            register();
        }
    }

    /**
     * Registers the application in the database unless it is registered already; the
     * constructor does so when the transactions are RESOURCE_LOCAL. With joined (JTA)
     * transactions, call it once at start-up in a transaction of its own (on H2 it may change a
     * database setting, which commits the transaction), so that concurrent first writers
     * do not race to register (writers register on first use otherwise).
     *
     * @throws RecorderException when the database cannot be used
     */
    public void register() {
        try {
            transactions.inTransaction(em -> {
                database.register(em, applicationName);
                return null;
            });
        } catch (RuntimeException e) {
            throw JpaExceptions.translate(e, "Registering application " + applicationName);
        }
    }

    /** @return the application whose notification log this recorder keeps */
    public String applicationName() {
        return applicationName;
    }

    /** @return the database-specific steps this recorder uses */
    public DatabaseStrategy database() {
        return database;
    }

    @Override
    public List<Long> insertEvents(List<StoredEvent> events) {
        return insert(events, null);
    }

    /** Inserts events and, when {@code tracking} is not null, the tracking position, in one unit of work. */
    List<Long> insert(List<StoredEvent> events, Tracking tracking) {
        EventBatch batch = new EventBatch(events);
        if (batch.size() == 0 && tracking == null) {
            return List.of();
        }
        EntityManagerFactory[] unit = new EntityManagerFactory[1];
        try {
            List<Long> inserted = transactions.inTransaction(em -> {
                long previous = 0;
                if (tracking != null) {
                    // A position recorded already is refused here, before any notification id is taken.
                    previous = database.recordTracking(em, applicationName, tracking, singleRowTracking);
                    em.flush();
                }
                List<Long> ids = batch.size() == 0 ? List.of() : persist(em, batch, tracking, previous);
                em.flush();
                unit[0] = em.getEntityManagerFactory();
                return ids;
            });
            if (!inserted.isEmpty()) {
                signals.recorded(applicationName, unit[0]);
            }
            return inserted;
        } catch (RecorderException refused) {
            // Raised by the strategy's own checks, which say what clashed.
            throw refused;
        } catch (RuntimeException e) {
            RecorderException translated = JpaExceptions.translate(e,
                    "Inserting " + batch.size() + " events" + (tracking == null ? "" : " with " + tracking) + " into " + applicationName);
            throw batch.conflict(translated, tracking != null, transactions, this::isStored);
        }
    }

    // A plain loop: boxing the ids through a stream took about 7% of the JPA recorder's CPU for a
    // single append in a profile, as much as the recorder's own code around the statement.
    private static List<Long> consecutiveIds(long first, int count) {
        Long[] ids = new Long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = first + i;
        }
        return List.of(ids);
    }

    private List<Long> persist(EntityManager em, EventBatch batch, Tracking tracking, long previous) {
        try {
            long first = database.appendEvents(em, applicationName, batch.events());
            return consecutiveIds(first, batch.size());
        } catch (ConcurrencyConflictException conflict) {
            if (tracking != null) {
                // The events are refused, so the position must go too: a caller's JTA
                // transaction may catch the conflict and commit the rest of its work.
                em.flush();
                if (singleRowTracking) {
                    TrackingRows.moveBack(em, applicationName, tracking, previous);
                } else {
                    TrackingRows.delete(em, applicationName, tracking);
                }
            }
            throw conflict;
        }
    }

    private boolean isStored(EntityManager em, StoredEvent event) {
        return em.createQuery(COUNT_VERSION, Long.class)
                .setParameter("applicationName", applicationName)
                .setParameter("originatorId", event.originatorId())
                .setParameter("version", event.originatorVersion())
                .getSingleResult() > 0;
    }

    @Override
    public List<StoredEvent> selectAllEvents(EventKey after, int limit) {
        return STATES.selectAll(transactions, applicationName, after, limit);
    }

    @Override
    public int replaceStates(List<StoredEvent> events) {
        return STATES.replace(transactions, applicationName, events);
    }

    @Override
    public List<StoredEvent> selectEvents(UUID originatorId, EventSelection selection) {
        Objects.requireNonNull(originatorId, "originatorId");
        Objects.requireNonNull(selection, "selection");
        try {
            return transactions.inTransaction(em -> EventQueries.selectStoredEvents(em,
                    selection.desc() ? SELECT_DESCENDING_SQL : SELECT_ASCENDING_SQL,
                    selection.desc() ? SELECT_DESCENDING : SELECT_ASCENDING, applicationName, originatorId, selection));
        } catch (RuntimeException e) {
            throw JpaExceptions.translate(e, "Selecting events of " + originatorId + " from " + applicationName);
        }
    }

    /** {@inheritDoc} A {@link JpaAggregateRecorder} whose units of work run in this recorder's transactions. */
    @Override
    public boolean joins(AggregateRecorder snapshots) {
        return Objects.requireNonNull(snapshots, "snapshots") instanceof JpaAggregateRecorder recorder
                && recorder.transactions() == transactions;
    }

    @Override
    public SnapshotAndEvents selectFromSnapshot(UUID originatorId, AggregateRecorder snapshots, Long upTo) {
        Objects.requireNonNull(originatorId, "originatorId");
        if (!joins(snapshots)) {
            throw new IllegalArgumentException(this + " cannot read the snapshots of " + snapshots
                    + " together with its events: they need to be a JpaAggregateRecorder of the same transactions");
        }
        String snapshotRecorder = ((JpaAggregateRecorder) snapshots).recorderName();
        try {
            return transactions.inTransaction(em -> SnapshotJoin.select(em, snapshotRecorder, applicationName, originatorId, upTo));
        } catch (RuntimeException e) {
            throw JpaExceptions.translate(e, "Selecting the latest snapshot of " + originatorId + " from " + snapshotRecorder
                    + " and the events after it from " + applicationName);
        }
    }

    @Override
    public List<Notification> selectNotifications(NotificationSelection selection) {
        Objects.requireNonNull(selection, "selection");
        try {
            return transactions.inTransaction(em -> database.selectNotifications(em, applicationName, selection));
        } catch (RuntimeException e) {
            throw JpaExceptions.translate(e, "Selecting notifications of " + applicationName);
        }
    }

    /**
     * The selected notifications, saying whether they are every one committed from the first id
     * asked for (up to the limit): on PostgreSQL, when no row of the page is held back by the
     * watermark; elsewhere, where a subscription is not woken by announced commits, it is not
     * known.
     */
    NotificationPage selectPage(NotificationSelection selection) {
        try {
            return transactions.inTransaction(em -> database instanceof PostgresWatermarkStrategy postgres
                    ? postgres.selectPage(em, applicationName, selection)
                    : new NotificationPage(database.selectNotifications(em, applicationName, selection), false));
        } catch (RuntimeException e) {
            throw JpaExceptions.translate(e, "Selecting notifications of " + applicationName);
        }
    }

    @Override
    public long maxNotificationId() {
        try {
            return transactions.inTransaction(em -> database.maxNotificationId(em, applicationName));
        } catch (RuntimeException e) {
            throw JpaExceptions.translate(e, "Selecting the highest notification id of " + applicationName);
        }
    }

    @Override
    public Subscription subscribe(long gt, Set<String> topics) {
        PollingSubscription subscription = new PollingSubscription(this::selectPage, gt, topics);
        subscription.wokenBy(signals.watchIncludingOwn(applicationName, subscription::wake), signals.pollInterval());
        return subscription;
    }

    /**
     * {@inheritDoc} On PostgreSQL (with {@value JpaSettings#PUSH} on), by {@code LISTEN/NOTIFY}:
     * the recorders of every process announce their commits, and one connection per process and
     * database listens (see {@link JpaSettings#PUSH}). Elsewhere nothing is called.
     */
    @Override
    public CommitWatch watchCommits(Runnable listener) {
        return signals.watch(applicationName, Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + applicationName + ", " + database + "]";
    }
}
