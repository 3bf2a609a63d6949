package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.Settings;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.TrackingRecorder;

/**
 * The persistence backend the deployment runs on, seen from the extension: it makes each
 * application's infrastructure, each projection's tracking recorder, and the transactions in
 * which a projection handles an event and records its position.
 */
interface Backend extends AutoCloseable {

    /** The infrastructure of one application, configured by its (scoped) settings. */
    InfrastructureFactory factory(String applicationName, Settings settings);

    /**
     * The tracking recorder of a projection. Its writes join the dispatch transaction when one
     * is running in the calling thread (see {@link #transactions()}).
     */
    TrackingRecorder trackingRecorder(String projectionName);

    /** The transactions of projection handlers. */
    DispatchTransactions transactions();

    /** Whether a transaction is active in the calling thread whose commit is still to come. */
    default boolean inTransaction() {
        return false;
    }

    /**
     * Runs the action after the calling thread's active transaction commits (never if it rolls
     * back); only called when {@link #inTransaction()} is true.
     */
    default void afterCommit(Runnable action) {
        throw new IllegalStateException("No transaction to wait for");
    }

    @Override
    void close();
}
