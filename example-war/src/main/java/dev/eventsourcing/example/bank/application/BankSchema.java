package dev.eventsourcing.example.bank.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Creates the read model's table at start-up, in a transaction of its own, from the idempotent
 * script {@code META-INF/bank/read-model.sql}. A production deployment would run the same
 * script with its migration tool instead.
 */
@Singleton
@Startup
public class BankSchema {

    private static final String SCRIPT = "META-INF/bank/read-model.sql";

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @PostConstruct
    void createTables() {
        for (String statement : statements()) {
            em.createNativeQuery(statement).executeUpdate();
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
