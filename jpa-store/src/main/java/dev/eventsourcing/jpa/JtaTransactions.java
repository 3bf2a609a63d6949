package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.ProgrammingException;
import jakarta.persistence.EntityManager;
import java.util.Objects;
import java.util.function.Function;

/**
 * Units of work in the caller's JTA transaction, through a container-managed entity manager.
 *
 * <p>The recorder neither begins nor commits: the container does, so events commit atomically
 * with whatever else the caller writes in the same persistence unit. The work flushes before it
 * returns, so constraint violations surface in the recorder's call and not at the caller's
 * commit. A failing statement leaves the caller's transaction marked for rollback (the provider
 * does so). A conflict that the {@link DatabaseStrategy} detects without a failing statement
 * does not: the refused call leaves nothing in the transaction, and the caller decides (an EJB
 * that lets the exception through rolls back, as for any system exception).
 * Calling without an active transaction is a {@link ProgrammingException}: whoever calls the
 * recorder (an EJB, or a CDI bean with {@code @Transactional}) must start one.
 */
final class JtaTransactions implements JpaTransactions {

    private final EntityManager entityManager;

    JtaTransactions(EntityManager containerManaged) {
        this.entityManager = Objects.requireNonNull(containerManaged, "containerManaged");
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        if (!entityManager.isJoinedToTransaction()) {
            throw new ProgrammingException("The JPA recorder needs an active JTA transaction joined by its entity manager; "
                    + "call it from a transactional EJB or a @Transactional bean", null);
        }
        return work.apply(entityManager);
    }

    @Override
    public boolean ownsTransactions() {
        return false;
    }
}
