package dev.eventsourcing.example.bank.application;

import dev.eventsourcing.jpa.JpaSchema;
import dev.eventsourcing.jpa.JpaTransactions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;

/**
 * Creates the read model's table at start-up, in a transaction of its own, from the idempotent
 * script {@code META-INF/bank/read-model.sql}. A production deployment would run the same
 * script with its migration tool instead.
 *
 * <p>Several servers may start at the same moment on a fresh database, and {@code CREATE TABLE
 * IF NOT EXISTS} is not safe against a concurrent creator on PostgreSQL: the loser fails. So the
 * script runs through {@link JpaSchema#runScript}, under the lock the event store's own script
 * takes, and the servers run it one after the other.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class BankSchema {

    private static final String SCRIPT = "META-INF/bank/read-model.sql";

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @PostConstruct
    void createTables() {
        try {
            transaction.begin();
            JpaSchema.runScript(JpaTransactions.joining(em), SCRIPT, BankSchema.class.getClassLoader());
            transaction.commit();
        } catch (Exception e) {
            rollBack(e);
            throw new IllegalStateException("Creating the read model's tables from " + SCRIPT + " failed", e);
        }
    }

    private void rollBack(Exception failure) {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
