package dev.eventsourcing.example.bank.application;

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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates the read model's table at start-up, in a transaction of its own, from the idempotent
 * script {@code META-INF/bank/read-model.sql}. A production deployment would run the same
 * script with its migration tool instead.
 *
 * <p>Several servers may start at the same moment on a fresh database, and {@code CREATE TABLE
 * IF NOT EXISTS} is not safe against a concurrent creator on PostgreSQL: the loser fails. So the
 * script runs in a transaction of its own and, when it fails, again after a pause, by which time
 * the winner's table exists and the statement does nothing.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class BankSchema {

    private static final Logger LOG = Logger.getLogger(BankSchema.class.getName());
    private static final String SCRIPT = "META-INF/bank/read-model.sql";
    private static final int ATTEMPTS = 5;

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @PostConstruct
    void createTables() {
        String[] statements = statements();
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.begin();
                for (String statement : statements) {
                    em.createNativeQuery(statement).executeUpdate();
                }
                transaction.commit();
                return;
            } catch (Exception e) {
                rollBack();
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("Creating the read model's tables failed " + ATTEMPTS + " times", e);
                }
                LOG.log(Level.INFO, "Creating the read model's tables failed (attempt " + attempt
                        + "), as it does when another server creates them at the same moment; trying again", e);
                pause(attempt);
            }
        }
    }

    private void rollBack() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Rolling back the read model's table creation failed", e);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(50, 200L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the read model's tables", e);
        }
    }

    private static String[] statements() {
        try (InputStream in = BankSchema.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("The read model's DDL script " + SCRIPT + " is missing from the WAR");
            }
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            return script.strip().split(";\\s*");
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + SCRIPT, e);
        }
    }
}
