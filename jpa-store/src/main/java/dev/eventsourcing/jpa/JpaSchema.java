package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.ProgrammingException;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the tables of the JPA event store from the DDL script shipped for the database: the
 * "create tables at start-up" option, which the nodes of a cluster may all use at once. Where a
 * migration tool owns the schema, run the same script ({@link DatabaseSchema#ddlResource()})
 * with it instead.
 */
public final class JpaSchema {

    private JpaSchema() {
    }

    /**
     * Runs every statement of the database's DDL script in one unit of work. The statements are
     * idempotent ({@code IF NOT EXISTS}, {@code CREATE OR REPLACE}), so this is safe at each
     * start-up. It is safe too for several processes starting at the same instant, such as the
     * nodes of a cluster on a fresh database: the unit of work first takes the database's schema
     * lock ({@link DatabaseSchema}), so the processes run the script one after the
     * other, and releases it after the script, whether or not the script succeeded.
     *
     * @param transactions units of work of the persistence unit that holds the event store
     * @param database the database's strategy, which names its script and its lock
     * @throws dev.eventsourcing.persistence.RecorderException when the database refuses a
     *     statement, or (an {@code OperationalException}) the lock was not free in time
     */
    public static void createTables(JpaTransactions transactions, DatabaseStrategy database) {
        createTables(transactions, database.schema(), database.schema().ddlResource(), database);
    }

    /** Runs the given script under the schema's lock; {@code database} names it in errors. */
    static void createTables(JpaTransactions transactions, DatabaseSchema schema, String script, Object database) {
        List<String> statements = statements(script);
        try {
            transactions.inTransaction(em -> {
                schema.lock(em);
                try {
                    for (String statement : statements) {
                        em.createNativeQuery(statement).executeUpdate();
                    }
                } catch (RuntimeException | Error e) {
                    unlockAfterFailure(em, schema, e);
                    throw e;
                }
                schema.unlock(em);
                return null;
            });
        } catch (RuntimeException e) {
            throw JpaExceptions.translate(e, "Creating the tables of " + database);
        }
    }

    // A lock that outlives the transaction (MariaDB's) would otherwise stay with the pooled
    // connection and keep every other process waiting; the script's failure is what to report.
    private static void unlockAfterFailure(EntityManager em, DatabaseSchema schema, Throwable failure) {
        try {
            schema.unlock(em);
        } catch (RuntimeException unlockFailure) {
            failure.addSuppressed(unlockFailure);
        }
    }

    /** The statements of a DDL script on the class path. */
    static List<String> statements(String resource) {
        ClassLoader loader = JpaSchema.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ProgrammingException("DDL script " + resource + " is not on the class path of " + loader, null);
            }
            return split(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading DDL script " + resource, e);
        }
    }

    /**
     * Splits a script at semicolons that end a line, dropping comment lines, and keeping
     * dollar-quoted ({@code $$}) function bodies whole.
     */
    static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inDollarQuote = false;
        for (String line : script.split("\n")) {
            if (!inDollarQuote && (line.isBlank() || line.strip().startsWith("--"))) {
                continue;
            }
            current.append(line).append('\n');
            if (countOf("$$", line) % 2 == 1) {
                inDollarQuote = !inDollarQuote;
            }
            if (!inDollarQuote && line.stripTrailing().endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static int countOf(String token, String line) {
        int count = 0;
        for (int i = line.indexOf(token); i >= 0; i = line.indexOf(token, i + token.length())) {
            count++;
        }
        return count;
    }
}
