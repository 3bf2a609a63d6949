package dev.eventsourcing.example.scaleout;

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
import jakarta.transaction.UserTransaction;

/**
 * Creates the {@code scaleout_handled} table at start-up, under the event store's schema lock,
 * as the bank's own schema bean does: the nodes of the test start together on a fresh database.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class ScaleOutSchema {

    static final String SCRIPT = "META-INF/scaleout/handled.sql";

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @PostConstruct
    void createTable() {
        try {
            transaction.begin();
            JpaSchema.runScript(JpaTransactions.joining(em), SCRIPT, ScaleOutSchema.class.getClassLoader());
            transaction.commit();
        } catch (Exception e) {
            throw new IllegalStateException("Creating the scale-out table from " + SCRIPT + " failed", e);
        }
    }
}
