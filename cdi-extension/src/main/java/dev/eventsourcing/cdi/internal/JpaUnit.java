package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.jpa.JpaTransactions;
import jakarta.persistence.EntityManager;

import java.util.function.Function;

/**
 * One persistence unit and who owns its transactions: the extension's own RESOURCE_LOCAL
 * transactions in Java SE ({@link ResourceLocalUnit}), or the container's JTA transactions
 * ({@link JtaUnit}).
 */
interface JpaUnit extends AutoCloseable {

    /** Units of work for the applications' recorders: joining the caller's transaction where there is one. */
    JpaTransactions transactions();

    /** Runs the work in a new transaction of its own: committed when it returns, rolled back when it throws. */
    <T> T inNewTransaction(Function<EntityManager, T> work);

    /** Whether the calling thread is in a transaction that commits later than the recorder's call returns. */
    boolean inTransaction();

    /** Runs the action once the calling thread's transaction has committed; never after a rollback. */
    void afterCommit(Runnable action);

    /** The JDBC URL the unit is configured with, if the provider reports one. */
    default String jdbcUrl(EntityManager em) {
        for (String key : new String[] {"jakarta.persistence.jdbc.url", "javax.persistence.jdbc.url", "hibernate.connection.url"}) {
            Object url = em.getEntityManagerFactory().getProperties().get(key);
            if (url != null) {
                return url.toString();
            }
        }
        return null;
    }

    @Override
    void close();
}
