package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.RecorderException;
import dev.eventsourcing.persistence.TrackingRecorder;
import dev.eventsourcing.persistence.Tracking;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link TrackingRecorder} on JPA, for a projection or any downstream reader: its positions in
 * upstream logs, in {@code es_tracking}, keyed by this reader's name. A projection that writes
 * its view through the same persistence unit records its position in the same transaction
 * (join the caller's transaction with {@link JpaTransactions#joining}).
 *
 * <p>Made with the {@link DatabaseStrategy} of the database, it refuses a position recorded
 * already (by a competing reader, say) with an {@link dev.eventsourcing.persistence.IntegrityException}
 * and no failing statement, so the JPA provider logs nothing for this expected conflict.
 */
public class JpaTrackingRecorder implements TrackingRecorder {

    private final String applicationName;
    private final JpaTransactions transactions;
    private final DatabaseStrategy database;
    private final boolean singleRowTracking;

    /**
     * A recorder that leaves conflicts to the database: a position recorded twice at the same
     * moment fails on the key, and the JPA provider logs that statement as an error. Prefer
     * {@link #JpaTrackingRecorder(String, JpaTransactions, DatabaseStrategy)}.
     *
     * @param applicationName the downstream reader whose positions these are
     * @param transactions    how units of work get an entity manager and a transaction
     */
    public JpaTrackingRecorder(String applicationName, JpaTransactions transactions) {
        this.applicationName = JpaAggregateRecorder.requireName(applicationName, "applicationName");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.database = null;
        this.singleRowTracking = false;
    }

    /**
     * @param applicationName the downstream reader whose positions these are
     * @param transactions    how units of work get an entity manager and a transaction
     * @param database        the database-specific steps, e.g. {@link DatabaseStrategy#postgresql()}
     */
    public JpaTrackingRecorder(String applicationName, JpaTransactions transactions, DatabaseStrategy database) {
        this(applicationName, transactions, database, JpaSettings.DEFAULT_SINGLE_ROW_TRACKING);
    }

    /**
     * @param applicationName   the downstream reader whose positions these are
     * @param transactions      how units of work get an entity manager and a transaction
     * @param database          the database-specific steps, e.g. {@link DatabaseStrategy#postgresql()}
     * @param singleRowTracking whether to keep one row per upstream application, moved up in
     *                          place, rather than a row per position ({@link JpaSettings#SINGLE_ROW_TRACKING})
     */
    public JpaTrackingRecorder(String applicationName, JpaTransactions transactions, DatabaseStrategy database,
                               boolean singleRowTracking) {
        this.singleRowTracking = singleRowTracking;
        this.applicationName = JpaAggregateRecorder.requireName(applicationName, "applicationName");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.database = Objects.requireNonNull(database, "database");
        if (transactions.ownsTransactions()) {
            register();
        }
    }

    /**
     * Prepares the database for this reader's positions where it checks them under a lock of the
     * reader's row (MariaDB, H2: the row is added), so that concurrent first positions do not
     * race to add it; elsewhere it does nothing. The constructor with a database strategy does so
     * when the transactions are RESOURCE_LOCAL; with joined (JTA) transactions, call it once at
     * start-up in a transaction.
     *
     * @throws RecorderException when the database cannot be used
     */
    public void register() {
        if (!(database instanceof CounterRowStrategy counterRow)) {
            return;
        }
        try {
            transactions.inTransaction(em -> {
                counterRow.registerReader(em, applicationName);
                return null;
            });
        } catch (RuntimeException e) {
            throw JpaExceptions.translate(e, "Registering reader " + applicationName);
        }
    }

    @Override
    public void insertTracking(Tracking tracking) {
        Objects.requireNonNull(tracking, "tracking");
        try {
            transactions.inTransaction(em -> {
                if (database == null) {
                    TrackingRows.insert(em, applicationName, tracking);
                } else {
                    database.recordTracking(em, applicationName, tracking, singleRowTracking);
                }
                em.flush();
                return null;
            });
        } catch (RuntimeException e) {
            throw JpaExceptions.translate(e, "Inserting " + tracking + " for " + applicationName);
        }
    }

    @Override
    public long maxTrackingId(String upstreamApplicationName) {
        return maxTrackingId(transactions, applicationName, upstreamApplicationName);
    }

    @Override
    public void waitFor(String upstreamApplicationName, Long notificationId, Duration timeout) {
        waitFor(this, upstreamApplicationName, notificationId, timeout);
    }

    static long maxTrackingId(JpaTransactions transactions, String applicationName, String upstreamApplicationName) {
        Objects.requireNonNull(upstreamApplicationName, "upstreamApplicationName");
        try {
            return transactions.inTransaction(em -> TrackingRows.max(em, applicationName, upstreamApplicationName));
        } catch (RuntimeException e) {
            throw JpaExceptions.translate(e, "Selecting the position of " + applicationName + " in " + upstreamApplicationName);
        }
    }

    static void waitFor(TrackingRecorder recorder, String upstreamApplicationName, Long notificationId, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (notificationId == null) {
            return;
        }
        Polling.until(() -> recorder.hasTrackingId(upstreamApplicationName, notificationId), timeout,
                "position " + notificationId + " of " + upstreamApplicationName);
    }

    @Override
    public String toString() {
        return "JpaTrackingRecorder[" + applicationName + "]";
    }
}
