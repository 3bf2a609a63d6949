package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.jpa.JpaTransactions;
import jakarta.persistence.EntityManager;

import java.util.function.Function;

/**
 * Units of work that use the dispatch transaction's entity manager while the dispatcher runs a
 * projection handler in this thread, and the unit's usual transactions otherwise. Tracking
 * recorders use it, so that a projection's position is written through the very entity manager
 * (and transaction) its handler writes the view through.
 */
final class BoundTransactions implements JpaTransactions {

    private final JpaTransactions otherwise;
    private final ThreadLocal<EntityManager> bound = new ThreadLocal<>();

    BoundTransactions(JpaTransactions otherwise) {
        this.otherwise = otherwise;
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = bound.get();
        return em != null ? work.apply(em) : otherwise.inTransaction(work);
    }

    @Override
    public boolean ownsTransactions() {
        return bound.get() == null && otherwise.ownsTransactions();
    }

    /** Runs the work with units of work in this thread bound to the entity manager. */
    <T> T bound(EntityManager em, Function<EntityManager, T> work) {
        bound.set(em);
        try {
            return work.apply(em);
        } finally {
            bound.remove();
        }
    }
}
