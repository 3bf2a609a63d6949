package dev.eventsourcing.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.Objects;
import java.util.function.Function;

/**
 * RESOURCE_LOCAL transactions for Java SE: a new entity manager and transaction per unit of
 * work, committed on return, rolled back on any exception, and always closed.
 */
final class ResourceLocalTransactions implements JpaTransactions {

    private final EntityManagerFactory factory;

    ResourceLocalTransactions(EntityManagerFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            EntityTransaction tx = em.getTransaction();
            tx.begin();
            try {
                T result = work.apply(em);
                tx.commit();
                return result;
            } catch (RuntimeException | Error e) {
                rollbackQuietly(tx, e);
                throw e;
            }
        } finally {
            em.close();
        }
    }

    @Override
    public boolean ownsTransactions() {
        return true;
    }

    private static void rollbackQuietly(EntityTransaction tx, Throwable failure) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            // The original failure says what went wrong; a failed rollback (say, on a dead
            // connection) only travels along with it.
            failure.addSuppressed(rollbackFailure);
        }
    }
}
