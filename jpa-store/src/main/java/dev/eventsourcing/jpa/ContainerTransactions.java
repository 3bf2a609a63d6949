package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.OperationalException;
import dev.eventsourcing.persistence.Transactions;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;

import java.util.Objects;
import java.util.function.Function;

/**
 * A container's JTA transactions, as a runner and the JPA recorders use them, through the
 * container's transaction-scoped entity manager: what a container integration (such as the CDI
 * extension) hands to {@link JpaInfrastructureFactory} after looking up the container's
 * {@link TransactionSynchronizationRegistry} and {@link UserTransaction}.
 *
 * <p>An application's save joins the caller's transaction (a transactional EJB, or a
 * {@code @Transactional} bean), so its events commit atomically with the caller's own writes in
 * the same unit; without one, it starts and commits a transaction of its own (REQUIRED). The
 * transaction status is read from the {@link TransactionSynchronizationRegistry}, which any
 * component may use; the {@link UserTransaction} is used only when no transaction is active, so
 * that container-managed EJBs never touch it. Work after commit (prompting the runner, filling
 * the aggregate cache) is registered as an interposed synchronization, which the container calls
 * once the outcome is known, and runs only when it is a commit.
 */
public final class ContainerTransactions implements Transactions {

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry registry;
    private final UserTransaction userTransaction;

    /**
     * @param entityManager   the container's transaction-scoped entity manager of the event store's unit
     * @param registry        the container's {@code java:comp/TransactionSynchronizationRegistry}
     * @param userTransaction the container's {@code java:comp/UserTransaction}
     */
    public ContainerTransactions(EntityManager entityManager, TransactionSynchronizationRegistry registry,
                                 UserTransaction userTransaction) {
        this.entityManager = Objects.requireNonNull(entityManager, "entityManager");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.userTransaction = Objects.requireNonNull(userTransaction, "userTransaction");
    }

    /**
     * Units of work for the recorders: in the caller's transaction, or a new one when there is
     * none (REQUIRED).
     *
     * @return units of work with the container's entity manager; they do not
     *         {@linkplain JpaTransactions#ownsTransactions() own} their transactions, since a
     *         unit of work may be the caller's
     */
    public JpaTransactions required() {
        return new JpaTransactions() {
            @Override
            public <T> T inTransaction(Function<EntityManager, T> work) {
                return active() ? work.apply(entityManager) : inNewTransaction(unitOfWork -> work.apply(entityManager));
            }

            @Override
            public boolean ownsTransactions() {
                return false;
            }
        };
    }

    @Override
    public <T> T inNewTransaction(Function<Object, T> work) {
        try {
            userTransaction.begin();
        } catch (Exception e) {
            throw new OperationalException("Cannot begin a JTA transaction: " + JpaExceptions.describe(e), e);
        }
        T result;
        try {
            result = work.apply(entityManager);
        } catch (RuntimeException | Error e) {
            rollback(e);
            throw e;
        }
        try {
            userTransaction.commit();
        } catch (Exception e) {
            throw new OperationalException("Cannot commit the JTA transaction: " + JpaExceptions.describe(e), e);
        }
        return result;
    }

    private void rollback(Throwable failure) {
        try {
            userTransaction.rollback();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public boolean active() {
        return registry.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
    }

    /** The container's key of the calling thread's transaction, or {@code null} when none is active. */
    @Override
    public Object transactionKey() {
        return registry.getTransactionKey();
    }

    /**
     * Registers the action as an interposed synchronization that runs it once the transaction's
     * outcome is known, commit or rollback (the transaction manager may end a timed-out
     * transaction in a thread of its own); runs it at once when no transaction is active.
     */
    @Override
    public void afterCompletion(Runnable action) {
        if (registry.getTransactionKey() == null) {
            action.run();
            return;
        }
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                action.run();
            }
        });
    }

    @Override
    public void afterCommit(Runnable action) {
        if (!active()) {
            action.run();
            return;
        }
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
