package dev.eventsourcing.benchmarks;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * RESOURCE_LOCAL transactions for Axon in Java SE, as a user without Spring writes them: one
 * entity manager and transaction per thread; a transaction started while one is active joins it.
 */
final class AxonTransactions implements TransactionManager, EntityManagerProvider {

    private static final Transaction JOINED = new Transaction() {
        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }
    };

    private final EntityManagerFactory factory;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    AxonTransactions(EntityManagerFactory factory) {
        this.factory = factory;
    }

    @Override
    public Transaction startTransaction() {
        if (current.get() != null) {
            return JOINED;
        }
        EntityManager em = factory.createEntityManager();
        em.getTransaction().begin();
        current.set(em);
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    em.getTransaction().commit();
                } finally {
                    end(em);
                }
            }

            @Override
            public void rollback() {
                try {
                    if (em.getTransaction().isActive()) {
                        em.getTransaction().rollback();
                    }
                } finally {
                    end(em);
                }
            }
        };
    }

    private void end(EntityManager em) {
        current.remove();
        em.close();
    }

    @Override
    public EntityManager getEntityManager() {
        EntityManager em = current.get();
        if (em == null) {
            throw new IllegalStateException("Axon asked for an entity manager outside a transaction");
        }
        return em;
    }
}
