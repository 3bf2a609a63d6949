package dev.eventsourcing.benchmarks;

import dev.eventsourcing.jpa.DatabaseStrategy;
import dev.eventsourcing.jpa.JpaAggregateRecorder;
import dev.eventsourcing.Settings;
import dev.eventsourcing.jpa.JpaInfrastructureFactory;
import dev.eventsourcing.jpa.JpaProcessRecorder;
import dev.eventsourcing.jpa.JpaSchema;
import dev.eventsourcing.jpa.JpaSettings;
import dev.eventsourcing.jpa.JpaTransactions;
import dev.eventsourcing.persistence.Transactions;
import jakarta.persistence.EntityManagerFactory;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

/**
 * Our JPA store as a contender: the JPA recorders on Hibernate, RESOURCE_LOCAL, with each
 * database's default {@link DatabaseStrategy} (the no-skip guarantee included), the tables made
 * by {@link JpaSchema}, on a database of its own.
 */
final class JpaContenders {

    static final String APPLICATION = "Accounts";
    /** Milliseconds between the polls of a subscription that push wakes. */
    static final int POLL_INTERVAL = 10_000;

    private JpaContenders() {
    }

    static RecorderContender create(Backend backend) {
        BenchDatabase database = BenchDatabase.create(backend, "jpa");
        EntityManagerFactory factory = null;
        try {
            factory = JpaUnits.open("eventsourcing", database.dataSource(), Map.of());
            JpaTransactions transactions = JpaTransactions.resourceLocal(factory);
            DatabaseStrategy strategy = strategy(backend);
            JpaSchema.createTables(transactions, strategy);
            EntityManagerFactory opened = factory;
            return new RecorderContender("JPA", backend,
                    new JpaInfrastructureFactory(APPLICATION, settings(), transactions, strategy).applicationRecorder(),
                    new JpaAggregateRecorder(APPLICATION + ".snapshots", transactions),
                    new JpaProcessRecorder("Statements", transactions, strategy),
                    total -> fill(database, total),
                    () -> {
                        opened.close();
                        database.close();
                    }).analyzedBy(database::analyze).inUnitsOf((Transactions) transactions);
        } catch (RuntimeException e) {
            if (factory != null) {
                factory.close();
            }
            database.close();
            throw e;
        }
    }

    /**
     * The store's settings: push as {@link Options#jpaPush()} says, and a subscription that push
     * wakes polling only every {@value #POLL_INTERVAL} ms, so that the dispatch latency measured
     * with push is what the announcements deliver, not what a poll happened to find (the target
     * is set with polling that far apart). Without push the subscription backs off from 2 ms to
     * 50 ms, as the baselines' pollers do.
     */
    static Settings settings() {
        return Settings.of(Map.of(JpaSettings.PUSH, String.valueOf(Options.jpaPush()),
                JpaSettings.POLL_INTERVAL, String.valueOf(POLL_INTERVAL)));
    }

    /** The database's default strategy, as a user gets it. */
    static DatabaseStrategy strategy(Backend backend) {
        return switch (backend) {
            case POSTGRESQL -> DatabaseStrategy.postgresql();
            case MARIADB -> DatabaseStrategy.mariadb();
            case H2 -> DatabaseStrategy.h2();
            case MEMORY -> throw new IllegalArgumentException("JPA needs a database");
        };
    }

    /**
     * Inserts filler rows into {@code es_events} server-side with the next notification ids and
     * moves the application's id source past them: the sequence on PostgreSQL, the counter row
     * elsewhere. Runs while nothing else writes.
     */
    static void fill(BenchDatabase database, long total) {
        Backend backend = database.backend();
        long last = lastId(database);
        long missing = total - last;
        if (missing <= 0) {
            return;
        }
        for (long done = 0; done < missing; done += Pages.FILL_CHUNK) {
            Sql.RowSource rows = Sql.RowSource.of(backend, Math.min(Pages.FILL_CHUNK, missing - done));
            database.execute("INSERT INTO es_events (application_name, notification_id, originator_id, originator_version,"
                    + " topic, state) SELECT '" + APPLICATION + "', " + (last + done) + " + " + rows.rowNumber() + ", "
                    + rows.uniqueUuid() + ", 1, '" + Events.TOPIC + "', " + JdbcSchema.stateLiteral(backend)
                    + " FROM " + rows.from());
        }
        if (backend == Backend.POSTGRESQL) {
            database.execute("SELECT setval('" + sequence(database) + "', " + total + ")");
        } else {
            database.execute("UPDATE es_applications SET last_notification_id = " + total
                    + " WHERE application_name = '" + APPLICATION + "'");
        }
    }

    private static long lastId(BenchDatabase database) {
        return Sql.inTransaction(database.dataSource(), c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COALESCE(MAX(notification_id), 0) FROM es_events WHERE application_name = ?")) {
                s.setString(1, APPLICATION);
                try (ResultSet rows = s.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    private static String sequence(BenchDatabase database) {
        return Sql.inTransaction(database.dataSource(), c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT application_key FROM es_applications WHERE application_name = ?")) {
                s.setString(1, APPLICATION);
                try (ResultSet rows = s.executeQuery()) {
                    if (!rows.next()) {
                        throw new IllegalStateException("Application " + APPLICATION + " is not registered");
                    }
                    return "es_notification_ids_" + rows.getInt(1);
                }
            }
        });
    }
}
