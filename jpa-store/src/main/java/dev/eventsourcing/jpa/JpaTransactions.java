package dev.eventsourcing.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Function;

/**
 * Runs a unit of work with an {@link EntityManager} inside a transaction: the one seam between
 * the JPA recorders and whoever owns transactions.
 *
 * <p>In Java SE use {@link #resourceLocal}: each unit of work gets its own entity manager and
 * its own RESOURCE_LOCAL transaction, committed when the work returns and rolled back when it
 * throws, unless it runs inside a runner's transaction ({@link ThreadBoundTransactions}). In a
 * container use {@link #joining}: each unit of work runs with the container-managed
 * entity manager in the caller's JTA transaction, so the recorder's writes commit or roll back
 * with the caller's own.
 */
public interface JpaTransactions {

    /**
     * Runs the work in a transaction and returns its result.
     *
     * <p>Exceptions thrown by the work or by the commit propagate unchanged; the recorders
     * translate them. When this strategy owns the transaction, it is rolled back first.
     *
     * @param <T> the type of the work's result
     * @param work the unit of work, given the transaction's entity manager
     * @return what the work returned
     */
    <T> T inTransaction(Function<EntityManager, T> work);

    /**
     * Whether each unit of work runs in a transaction of its own, so that after a failure a
     * recorder may run another unit of work (for example to find out which event conflicted).
     *
     * @return true when each unit of work commits or rolls back on its own; false when it joins
     *         a transaction it does not own
     */
    boolean ownsTransactions();

    /**
     * Transactions of an application-managed persistence unit (RESOURCE_LOCAL), one per unit of
     * work, except inside {@link ThreadBoundTransactions#inNewTransaction}: units of work called
     * there, in the same thread, join its transaction.
     *
     * @param factory the factory of the RESOURCE_LOCAL persistence unit; not null
     * @return a {@link ThreadBoundTransactions} of that unit
     */
    static JpaTransactions resourceLocal(EntityManagerFactory factory) {
        return new ThreadBoundTransactions(factory);
    }

    /**
     * Units of work that join the caller's JTA transaction through a container-managed entity
     * manager (for example one injected with {@code @PersistenceContext}).
     *
     * @param containerManaged the container's transaction-scoped entity manager
     * @return units of work that never own a transaction
     */
    static JpaTransactions joining(EntityManager containerManaged) {
        return new JtaTransactions(containerManaged);
    }
}
