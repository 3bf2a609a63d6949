package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.TrackingRecorder;
import dev.eventsourcing.persistence.Tracking;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link TrackingRecorder} on JPA, for a projection or any downstream reader: its positions in
 * upstream logs, in {@code es_tracking}, keyed by this reader's name. A projection that writes
 * its view through the same persistence unit records its position in the same transaction
 * (join the caller's transaction with {@link JpaTransactions#joining}).
 */
public class JpaTrackingRecorder implements TrackingRecorder {

    private final String applicationName;
    private final JpaTransactions transactions;

    /**
     * @param applicationName the downstream reader whose positions these are
     * @param transactions    how units of work get an entity manager and a transaction
     */
    public JpaTrackingRecorder(String applicationName, JpaTransactions transactions) {
        this.applicationName = JpaAggregateRecorder.requireName(applicationName, "applicationName");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public void insertTracking(Tracking tracking) {
        Objects.requireNonNull(tracking, "tracking");
        try {
            transactions.inTransaction(em -> {
                TrackingRows.insert(em, applicationName, tracking);
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
