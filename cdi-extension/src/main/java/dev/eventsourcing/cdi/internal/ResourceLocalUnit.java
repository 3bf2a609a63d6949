package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.jpa.JpaTransactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

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

    // Every RESOURCE_LOCAL unit of work already runs in a new entity manager and transaction.
    @Override
    public <T> T inNewTransaction(Function<EntityManager, T> work) {
        return transactions.inTransaction(work);
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
