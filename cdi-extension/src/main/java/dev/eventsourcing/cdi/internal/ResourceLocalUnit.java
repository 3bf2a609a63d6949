package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.jpa.JpaTransactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

import java.util.function.Function;

/**
 * A RESOURCE_LOCAL persistence unit in Java SE, opened by the extension: every unit of work,
 * an application's save included, commits in a transaction of its own before the call returns.
 */
final class ResourceLocalUnit implements JpaUnit {

    private final EntityManagerFactory factory;
    private final JpaTransactions transactions;

    ResourceLocalUnit(EntityManagerFactory factory) {
        this.factory = factory;
        this.transactions = JpaTransactions.resourceLocal(factory);
    }

    @Override
    public JpaTransactions transactions() {
        return transactions;
    }

    @Override
    public <T> T inNewTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            EntityTransaction tx = em.getTransaction();
            tx.begin();
            try {
                T result = work.apply(em);
                tx.commit();
                return result;
            } catch (RuntimeException | Error e) {
                if (tx.isActive()) {
                    try {
                        tx.rollback();
                    } catch (RuntimeException rollbackFailure) {
                        e.addSuppressed(rollbackFailure);
                    }
                }
                throw e;
            }
        } finally {
            em.close();
        }
    }

    @Override
    public boolean inTransaction() {
        return false;
    }

    @Override
    public void afterCommit(Runnable action) {
        throw new IllegalStateException("RESOURCE_LOCAL units of work commit before they return");
    }

    @Override
    public void close() {
        factory.close();
    }
}
