package dev.eventsourcing.persistence;

import java.util.function.Function;

/**
 * The transactions that a backend offers to whoever runs work on it: a runner handling a
 * notification and recording its position, or an application deferring work until its caller's
 * transaction commits.
 *
 * <p>A unit of work receives the transaction's resource: for JPA the {@code EntityManager} of the
 * transaction, for the in-memory store {@code null}. Recorders of the same backend that are
 * called inside {@link #inNewTransaction} in the same thread join that transaction, so a reader's
 * own writes and its tracking position commit together.
 */
public interface Transactions {

    /** No transactions: the in-memory store, where nothing is rolled back. */
    Transactions NONE = new Transactions() {
        @Override
        public <T> T inNewTransaction(Function<Object, T> work) {
            return work.apply(null);
        }

        @Override
        public boolean atomic() {
            return false;
        }
    };

    /**
     * Runs the work in a new transaction of its own, committed when the work returns and rolled
     * back when it throws; what it throws (or what the commit throws) propagates.
     *
     * @param <T>  the type of the work's result
     * @param work the work, given the transaction's resource ({@code null} for the in-memory store)
     * @return what the work returned
     */
    <T> T inNewTransaction(Function<Object, T> work);

    /** @return whether a failed transaction leaves nothing behind, so that several notifications may share one */
    default boolean atomic() {
        return true;
    }

    /** @return whether the calling thread is inside a transaction whose commit is still to come */
    default boolean active() {
        return false;
    }

    /**
     * Runs the action once the calling thread's transaction has committed, never when it rolls
     * back; at once when no transaction is {@linkplain #active() active}.
     *
     * @param action what to run after the commit
     */
    default void afterCommit(Runnable action) {
        action.run();
    }

    /**
     * Identifies the calling thread's transaction, so that what belongs to a unit of work (such
     * as the aggregates it has locked) can be kept until it ends: equal only for calls within one
     * transaction. A backend that returns a key here runs the actions given to
     * {@link #afterCompletion} when that transaction ends.
     *
     * @return the transaction's key, or {@code null} when no transaction is {@linkplain #active()
     *         active} or the backend cannot tell when its transactions end (the default)
     */
    default Object transactionKey() {
        return null;
    }

    /**
     * Runs the action once the calling thread's transaction has ended, whether it committed or
     * rolled back, possibly in another thread (a transaction manager may roll back a timed-out
     * transaction in a thread of its own); at once when there is no
     * {@linkplain #transactionKey() transaction to wait for}.
     *
     * @param action what to run when the transaction ends
     */
    default void afterCompletion(Runnable action) {
        action.run();
    }
}
