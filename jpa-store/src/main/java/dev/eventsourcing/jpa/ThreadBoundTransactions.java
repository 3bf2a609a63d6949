package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.Transactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * RESOURCE_LOCAL transactions of an application-managed persistence unit (Java SE) that the
 * recorders join: what {@link JpaTransactions#resourceLocal} returns, and the
 * {@link Transactions} a runner uses with the JPA store outside a container.
 *
 * <p>{@link #inNewTransaction} begins a transaction on a new entity manager and, while the work
 * runs, binds that entity manager to the calling thread. Every recorder whose transactions are a
 * {@code ThreadBoundTransactions} of the same {@link EntityManagerFactory}, called in that thread
 * meanwhile, runs its unit of work with that entity manager instead of a transaction of its own.
 * So a projection's view rows (written through the entity manager the work receives), its
 * tracking position and the notifications it parks commit together, or not at all. This is what
 * a JTA transaction gives in a container, where the transaction is bound to the thread by the
 * transaction manager; here the binding is a thread-local that ends with the work. Work handed
 * to another thread does not join.
 *
 * <p>Outside {@link #inNewTransaction}, each unit of work of a recorder runs in a transaction of
 * its own, committed before the recorder's call returns ({@link #ownsTransactions()} is then true).
 */
public final class ThreadBoundTransactions implements JpaTransactions, Transactions {

    // Keyed by factory, not by instance: the recorders of every application and reader of one
    // persistence unit join the thread's transaction, as they would join a JTA transaction.
    private static final ThreadLocal<Map<EntityManagerFactory, Unit>> BOUND = new ThreadLocal<>();

    private final EntityManagerFactory factory;
    private final ResourceLocalTransactions own;

    /**
     * Transactions of the given application-managed (RESOURCE_LOCAL) persistence unit.
     *
     * @param factory the factory of the persistence unit; not null
     */
    public ThreadBoundTransactions(EntityManagerFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.own = new ResourceLocalTransactions(factory);
    }

    /**
     * The unit of work in progress: its entity manager, what waits for its commit and what waits
     * for its end. Compared by identity, since it is also the transaction's key.
     */
    private static final class Unit {
        final EntityManager entityManager;
        final List<Runnable> afterCommit = new ArrayList<>();
        final List<Runnable> afterCompletion = new ArrayList<>();

        Unit(EntityManager entityManager) {
            this.entityManager = entityManager;
        }
    }

    /**
     * Runs the work with the entity manager bound to this thread by {@link #inNewTransaction},
     * or else in a new transaction of its own.
     */
    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        Unit unit = bound();
        return unit != null ? work.apply(unit.entityManager) : own.inTransaction(work);
    }

    /** False while a unit of work is bound to this thread: a failure then ends the whole transaction. */
    @Override
    public boolean ownsTransactions() {
        return bound() == null;
    }

    /**
     * Runs the work in a new transaction, on a new entity manager that the work receives and that
     * the recorders called in this thread join; commits when the work returns, rolls back when it
     * throws, and then runs the actions registered with {@link #afterCommit} (after a commit)
     * and {@link #afterCompletion} (either way). A unit of work in progress in this thread is set
     * aside meanwhile (the new one does not join it).
     */
    @Override
    public <T> T inNewTransaction(Function<Object, T> work) {
        Objects.requireNonNull(work, "work");
        Map<EntityManagerFactory, Unit> units = units();
        Unit outer = units.get(factory);
        Unit[] unit = new Unit[1];
        T result;
        try {
            result = own.inTransaction(em -> {
                unit[0] = new Unit(em);
                units.put(factory, unit[0]);
                try {
                    return work.apply(em);
                } finally {
                    unbind(units, outer);
                }
            });
        } catch (RuntimeException | Error e) {
            if (unit[0] != null) {
                runAll(unit[0].afterCompletion, e);
            }
            throw e;
        }
        // What waits for the end runs last: a unit of work released by it (say, one waiting for
        // an aggregate's lock) then finds what waited for the commit (the cache) done.
        try {
            runAll(unit[0].afterCommit);
        } finally {
            runAll(unit[0].afterCompletion);
        }
        return result;
    }

    @Override
    public boolean atomic() {
        return true;
    }

    @Override
    public boolean active() {
        return bound() != null;
    }

    /**
     * Runs the action after the commit of the unit of work bound to this thread, in this thread,
     * never after a rollback; at once when none is. Actions run in the order registered; one that
     * throws does not stop the others, and its exception propagates after them (the transaction
     * is committed all the same).
     */
    @Override
    public void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        Unit unit = bound();
        if (unit == null) {
            action.run();
        } else {
            unit.afterCommit.add(action);
        }
    }

    /** The unit of work bound to this thread by {@link #inNewTransaction}, or {@code null}. */
    @Override
    public Object transactionKey() {
        return bound();
    }

    /**
     * Runs the action when the unit of work bound to this thread ends, in this thread, after its
     * commit or rollback (before the actions waiting for its commit); at once when none is.
     */
    @Override
    public void afterCompletion(Runnable action) {
        Objects.requireNonNull(action, "action");
        Unit unit = bound();
        if (unit == null) {
            action.run();
        } else {
            unit.afterCompletion.add(action);
        }
    }

    private Unit bound() {
        Map<EntityManagerFactory, Unit> units = BOUND.get();
        return units == null ? null : units.get(factory);
    }

    private static Map<EntityManagerFactory, Unit> units() {
        Map<EntityManagerFactory, Unit> units = BOUND.get();
        if (units == null) {
            units = new IdentityHashMap<>();
            BOUND.set(units);
        }
        return units;
    }

    // Puts back the unit that was set aside, and leaves nothing in the thread-local once the
    // outermost unit ends: pooled threads must not keep a closed entity manager (or the factory).
    private void unbind(Map<EntityManagerFactory, Unit> units, Unit outer) {
        if (outer != null) {
            units.put(factory, outer);
        } else {
            units.remove(factory);
            if (units.isEmpty()) {
                BOUND.remove();
            }
        }
    }

    /** Runs every action after a rollback; what they throw travels along with the failure. */
    private static void runAll(List<Runnable> actions, Throwable failure) {
        try {
            runAll(actions);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void runAll(List<Runnable> actions) {
        RuntimeException failure = null;
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "ThreadBoundTransactions[" + factory + "]";
    }
}
