package dev.eventsourcing.cdi.internal;

import java.util.function.Function;

/**
 * The transaction in which a projection handles one event and records its tracking position:
 * both commit or neither does.
 */
interface DispatchTransactions {

    /**
     * Runs the work in a new transaction, committing when it returns and rolling back when it
     * throws. The work receives the transaction's entity manager, or {@code null} when the
     * backend has none.
     */
    void inTransaction(Function<Object, Void> work);

    /** Whether a failed transaction leaves nothing behind, so that several notifications may share one. */
    default boolean atomic() {
        return true;
    }

    /** No transactions at all: the in-memory store has nothing to roll back. */
    DispatchTransactions NONE = new DispatchTransactions() {
        @Override
        public void inTransaction(Function<Object, Void> work) {
            work.apply(null);
        }

        @Override
        public boolean atomic() {
            return false;
        }
    };
}
