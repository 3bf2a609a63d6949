package dev.eventsourcing.benchmarks;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Environment;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.jpa.DatabaseStrategy;
import dev.eventsourcing.jpa.JpaInfrastructureFactory;
import dev.eventsourcing.jpa.JpaSchema;
import dev.eventsourcing.jpa.JpaSettings;
import dev.eventsourcing.jpa.JpaTransactions;
import dev.eventsourcing.persistence.Infrastructure;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.projection.Projection;
import dev.eventsourcing.system.MultiThreadedRunner;
import jakarta.persistence.EntityManagerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A projection of two of twenty event types catching up, through the runner, on a log of
 * {@value #LOG} notifications ({@link TopicLog}): once reading every notification and passing
 * over the other types (as every projection did before it could name its types), once naming
 * its types so that only their topics are read (filtered in the recorder). Then, on a database,
 * the tracking rows one catch-up leaves with a row per position and with one row.
 */
final class TopicScenario {

    static final String READ_ALL = "projection of 2 of 20 types catches up, reading every topic";
    static final String READ_TOPICS = "projection of 2 of 20 types catches up, reading its topics";
    static final String ROWS_MULTI = "tracking rows after one catch-up, a row per position";
    static final String ROWS_SINGLE = "tracking rows after one catch-up, single-row";
    static final int LOG = 50_000;

    private final Harness harness;
    private final AtomicInteger readers = new AtomicInteger();

    TopicScenario(Harness harness) {
        this.harness = harness;
    }

    void run(Backend backend) throws Exception {
        if (backend == Backend.MEMORY) {
            measure(backend, Settings.empty(), Infrastructure.FROM_SETTINGS, null);
            return;
        }
        try (BenchDatabase database = BenchDatabase.create(backend, "topics")) {
            EntityManagerFactory factory = JpaUnits.open("eventsourcing", database.dataSource(), Map.of());
            try {
                JpaTransactions transactions = JpaTransactions.resourceLocal(factory);
                DatabaseStrategy strategy = JpaContenders.strategy(backend);
                JpaSchema.createTables(transactions, strategy);
                Infrastructure jpa = (name, settings) -> new JpaInfrastructureFactory(name, settings, transactions, strategy);
                measure(backend, Settings.empty(), jpa, database);
            } finally {
                factory.close();
            }
        }
    }

    private void measure(Backend backend, Settings settings, Infrastructure infrastructure, BenchDatabase database)
            throws Exception {
        TopicLog log = new TopicLog(Environment.of(settings, infrastructure));
        for (int i = 0; i < LOG / TopicLog.EVENTS_PER_FEED; i++) {
            log.fill();
        }
        long end = log.recorder().maxNotificationId();
        if (database != null) {
            database.analyze();
        }
        Mode all = new Mode("every topic", backend);
        Mode topics = new Mode("its topics", backend);
        harness.measure(READ_ALL, "events/s", true, java.util.List.of(all), (m, round) ->
                catchUp(log, settings, infrastructure, Set.of(), end));
        harness.measure(READ_TOPICS, "events/s", true, java.util.List.of(topics), (m, round) ->
                catchUp(log, settings, infrastructure, Set.of(TopicLog.Feed.E00.class, TopicLog.Feed.E01.class), end));
        if (database != null) {
            for (boolean singleRow : new boolean[] {false, true}) {
                Settings tracking = Settings.of(Map.of(JpaSettings.SINGLE_ROW_TRACKING, String.valueOf(singleRow)));
                String reader = reader();
                catchUp(log, tracking, infrastructure, Set.of(TopicLog.Feed.E00.class, TopicLog.Feed.E01.class), end,
                        reader);
                harness.record(new Figure(singleRow ? ROWS_SINGLE : ROWS_MULTI, "rows", false,
                        singleRow ? "single-row" : "multi-row", backend, new double[] {rows(database, reader)}));
            }
        }
        log.close();
    }

    private double catchUp(TopicLog log, Settings settings, Infrastructure infrastructure, Set<Class<?>> types,
                           long end) {
        return catchUp(log, settings, infrastructure, types, end, reader());
    }

    /** Runs a new projection of E00 and E01 until it has caught up; returns the log's notifications per second. */
    private double catchUp(TopicLog log, Settings settings, Infrastructure infrastructure, Set<Class<?>> types,
                           long end, String reader) {
        Counting projection = new Counting(reader, types);
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2);
        MultiThreadedRunner runner = MultiThreadedRunner.builder().application(log).settings(settings)
                .infrastructure(infrastructure).executor(executor).projection(projection, log.name()).build();
        long start = System.nanoTime();
        runner.start();
        try {
            runner.waitFor(reader, log.name(), end, Duration.ofMinutes(10));
        } finally {
            runner.stop();
            executor.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (projection.processed.get() != end / 10) {
            throw new IllegalStateException(reader + " processed " + projection.processed + " of " + end / 10 + " events");
        }
        return end / seconds;
    }

    private String reader() {
        return "topics" + readers.incrementAndGet();
    }

    private static long rows(BenchDatabase database, String reader) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT COUNT(*) FROM es_tracking WHERE application_name = ?")) {
            count.setString(1, reader);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** A way of reading, as a column of the results. */
    private record Mode(String name, Backend backend) implements Measured {
    }

    /** Counts the events of two types; names them when {@code types} is not empty. */
    private record Counting(String name, Set<Class<?>> observedTypes, AtomicLong processed) implements Projection {

        Counting(String name, Set<Class<?>> observedTypes) {
            this(name, observedTypes, new AtomicLong());
        }

        @Override
        public boolean observes(Class<?> eventType) {
            return eventType == TopicLog.Feed.E00.class || eventType == TopicLog.Feed.E01.class;
        }

        @Override
        public void process(DomainEvent<?> event, Notification notification, Object unitOfWork) {
            processed.incrementAndGet();
        }
    }
}
