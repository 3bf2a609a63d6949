package dev.eventsourcing.jpa;

import jakarta.persistence.EntityManager;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * RESOURCE_LOCAL transactions that a test can stretch or abort: a unit of work run under a
 * {@link Plan} does its work (so its ids are reserved and its rows flushed), then waits as the
 * plan says before committing, or rolls back. Plans are per thread, so writers can differ.
 */
final class PlannedTransactions implements JpaTransactions {

    /** What happens between a unit of work and its commit. */
    record Plan(CountDownLatch entered, CountDownLatch release, long holdMillis, boolean rollback) {

        static Plan hold(long millis) {
            return new Plan(null, null, millis, false);
        }

        static Plan rollBack() {
            return new Plan(null, null, 0, true);
        }

        /** Signals {@code entered} once the work is done, then waits for {@code release}. */
        static Plan holdUntil(CountDownLatch entered, CountDownLatch release) {
            return new Plan(entered, release, 0, false);
        }
    }

    /** The failure that rolls a planned transaction back. */
    static final class PlannedRollback extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PlannedRollback() {
            super("rolled back as planned");
        }
    }

    private final JpaTransactions delegate;
    private final ThreadLocal<Plan> plans = new ThreadLocal<>();

    PlannedTransactions(JpaTransactions delegate) {
        this.delegate = delegate;
    }

    /** Runs {@code action} with the plan applied to the units of work it starts on this thread. */
    <T> T under(Plan plan, java.util.function.Supplier<T> action) {
        plans.set(plan);
        try {
            return action.get();
        } finally {
            plans.remove();
        }
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        Plan plan = plans.get();
        return delegate.inTransaction(em -> {
            T result = work.apply(em);
            if (plan != null) {
                follow(plan);
            }
            return result;
        });
    }

    private static void follow(Plan plan) {
        try {
            if (plan.entered() != null) {
                plan.entered().countDown();
                if (!plan.release().await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            }
            Thread.sleep(plan.holdMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (plan.rollback()) {
            throw new PlannedRollback();
        }
    }

    @Override
    public boolean ownsTransactions() {
        return true;
    }
}
