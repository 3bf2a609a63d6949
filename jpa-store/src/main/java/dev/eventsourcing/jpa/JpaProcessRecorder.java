package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Tracking;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ProcessRecorder} on JPA: an application recorder that stores the upstream position
 * it processed in the same transaction as the events the processing produced, so that each
 * upstream notification is processed exactly once.
 */
public class JpaProcessRecorder extends JpaApplicationRecorder implements ProcessRecorder {

    private final JpaTransactions transactions;

    /**
     * @param applicationName the process application whose log and positions these are
     * @param transactions    how units of work get an entity manager and a transaction
     * @param database        the database-specific steps, e.g. {@link DatabaseStrategy#postgresql()}
     */
    public JpaProcessRecorder(String applicationName, JpaTransactions transactions, DatabaseStrategy database) {
        this(applicationName, transactions, database, JpaSettings.DEFAULT_SINGLE_ROW_TRACKING);
    }

    /**
     * @param applicationName   the process application whose log and positions these are
     * @param transactions      how units of work get an entity manager and a transaction
     * @param database          the database-specific steps, e.g. {@link DatabaseStrategy#postgresql()}
     * @param singleRowTracking whether to keep one tracking row per upstream application, moved
     *                          up in place, rather than a row per position ({@link JpaSettings#SINGLE_ROW_TRACKING})
     */
    public JpaProcessRecorder(String applicationName, JpaTransactions transactions, DatabaseStrategy database,
                              boolean singleRowTracking) {
        this(applicationName, transactions, database, CommitSignals.of(database, transactions), singleRowTracking);
    }

    JpaProcessRecorder(String applicationName, JpaTransactions transactions, DatabaseStrategy database,
                       CommitSignals signals, boolean singleRowTracking) {
        super(applicationName, transactions, database, signals, singleRowTracking);
        this.transactions = transactions;
    }

    @Override
    public List<Long> insertEvents(List<StoredEvent> events, Tracking tracking) {
        return insert(events, tracking);
    }

    @Override
    public List<Long> insertEvents(List<StoredEvent> events) {
        return insert(events, null);
    }

    @Override
    public void insertTracking(Tracking tracking) {
        insert(List.of(), Objects.requireNonNull(tracking, "tracking"));
    }

    @Override
    public long maxTrackingId(String upstreamApplicationName) {
        return JpaTrackingRecorder.maxTrackingId(transactions, applicationName(), upstreamApplicationName);
    }

    @Override
    public void waitFor(String upstreamApplicationName, Long notificationId, Duration timeout) {
        JpaTrackingRecorder.waitFor(this, upstreamApplicationName, notificationId, timeout);
    }
}
