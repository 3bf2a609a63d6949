package dev.eventsourcing.application;

import dev.eventsourcing.Settings;
import dev.eventsourcing.persistence.Transactions;
import dev.eventsourcing.persistence.inmemory.InMemoryInfrastructureFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Callers' transactions as a container keeps them, bound to the thread that begins them: each
 * has a key, and work after commit and after completion waits for its end. For tests of what an
 * application does inside its callers' transactions, on the in-memory store.
 */
final class CallerTransactions implements Transactions {

    private final ThreadLocal<Transaction> current = new ThreadLocal<>();

    /** One caller's transaction. */
    static final class Transaction {
        private final List<Runnable> afterCommit = new ArrayList<>();
        private final List<Runnable> afterCompletion = new ArrayList<>();
    }

    /** An application on the in-memory store whose transactions are these. */
    Application application(Settings settings) {
        return new Application("Bank", Environment.of(settings,
                (name, scoped) -> new InTransactions(new InMemoryInfrastructureFactory(name, scoped), this)));
    }

    /** Begins a transaction in the calling thread. */
    void begin() {
        current.set(new Transaction());
    }

    /** Commits the calling thread's transaction. */
    void commit() {
        Transaction transaction = end();
        transaction.afterCommit.forEach(Runnable::run);
        transaction.afterCompletion.forEach(Runnable::run);
    }

    /** Rolls the calling thread's transaction back. */
    void rollback() {
        end().afterCompletion.forEach(Runnable::run);
    }

    private Transaction end() {
        Transaction transaction = current.get();
        current.remove();
        return transaction;
    }

    @Override
    public <T> T inNewTransaction(Function<Object, T> work) {
        return work.apply(null);
    }

    @Override
    public boolean active() {
        return current.get() != null;
    }

    @Override
    public Object transactionKey() {
        return current.get();
    }

    @Override
    public void afterCommit(Runnable action) {
        if (active()) {
            current.get().afterCommit.add(action);
        } else {
            action.run();
        }
    }

    @Override
    public void afterCompletion(Runnable action) {
        if (active()) {
            current.get().afterCompletion.add(action);
        } else {
            action.run();
        }
    }
}
