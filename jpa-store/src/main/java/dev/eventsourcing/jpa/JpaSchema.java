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

    // Every table whose rows the recorders write; es_applications keeps the notification counters.
    private static final List<String> ROW_TABLES = List.of(
            "es_events", "es_aggregate_events", "es_tracking", "es_parked", "es_subject_keys",
            "es_leases", "es_lease_members", "es_lease_groups", "es_dcb_tags", "es_dcb_events");

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

    /**
     * Runs an application's own idempotent DDL script (the tables of its views, say) in one unit
     * of work, under the lock the library's own script takes ({@link DatabaseSchema}), so that
     * servers starting at the same instant on a fresh database run it one after the other rather
     * than race: on PostgreSQL, two concurrent {@code CREATE TABLE IF NOT EXISTS} of one table
     * make the loser fail. The script is split as the library's is: at semicolons that end a line,
     * without comment lines, keeping dollar-quoted bodies whole.
     *
     * @param transactions units of work of the persistence unit that holds the tables; in a
     *     container, {@link JpaTransactions#joining} runs the script in the caller's transaction
     * @param script the script's resource name, such as {@code META-INF/bank/read-model.sql}
     * @param loader the class loader whose class path holds the script (the application's)
     * @throws dev.eventsourcing.persistence.ProgrammingException when the script is not on the
     *     loader's class path
     * @throws dev.eventsourcing.ConfigurationException when the database is none of PostgreSQL,
     *     MariaDB and H2
     * @throws dev.eventsourcing.persistence.RecorderException when the database refuses a
     *     statement, or (an {@code OperationalException}) the lock was not free in time
     */
    public static void runScript(JpaTransactions transactions, String script, ClassLoader loader) {
        DatabaseStrategy database = DatabaseStrategy.detect(transactions);
        run(transactions, database.schema(), statements(script, loader), script + " on " + database);
    }

    /** Runs the given script under the schema's lock; {@code database} names it in errors. */
    static void createTables(JpaTransactions transactions, DatabaseSchema schema, String script, Object database) {
        run(transactions, schema, statements(script, JpaSchema.class.getClassLoader()), "the tables of " + database);
    }

    private static void run(JpaTransactions transactions, DatabaseSchema schema, List<String> statements, String what) {
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
            throw JpaExceptions.translate(e, "Creating " + what);
        }
    }

    /**
     * Deletes every row the library's recorders wrote, for every application and reader: events,
     * snapshots, tracking positions, parked notifications, subject keys, DCB events with their tags, and the lease groups with their
     * members and leases (so a group may be renewed in with another segment count afterwards). It is for tests that
     * start each case from an empty store, never for a store in use: run it while nothing reads or
     * writes. The tables stay, and so does each application's notification counter, so
     * notification ids go on from where they were (readers, starting from no position, read them
     * all). Rows of the deployment's own tables (its views) are not touched.
     *
     * @param transactions units of work of the persistence unit that holds the event store; the
     *     rows go in one unit of work, the caller's when one is active
     * @throws dev.eventsourcing.persistence.RecorderException when the database refuses a statement
     */
    public static void deleteAllRows(JpaTransactions transactions) {
        try {
            transactions.inTransaction(em -> {
                for (String table : ROW_TABLES) {
                    em.createNativeQuery("DELETE FROM " + table).executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException e) {
            throw JpaExceptions.translate(e, "Deleting the rows of the event store");
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

    /** The statements of a DDL script on the loader's class path. */
    static List<String> statements(String resource, ClassLoader loader) {
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
