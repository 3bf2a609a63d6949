package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.persistence.StoredEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Commits per second of single-event transactions through the JPA recorder on PostgreSQL, with
 * 1 and 8 writers, for each way of ordering notification ids: an unguarded sequence (the
 * baseline; readers may skip), the watermark (the default), the reference library's table lock,
 * and the serialised counter row. Rounds alternate the modes so that machine noise spreads over
 * all of them; compare the ratios, not the absolute figures.
 *
 * <p>Not part of the test run (tag {@code benchmark}). Run it with
 * {@code mvn -pl api,jpa-store verify -Djpa.excludedGroups=none -Dtest=PostgresThroughputBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class PostgresThroughputBenchmark {

    private static final long WARM_UP_MILLIS = 1000;
    private static final long MEASURE_MILLIS = Long.getLong("benchmark.millis", 4000);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 2);

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql();

    @Test
    void commitsPerSecondOfEachWayToOrderNotifications() throws Exception {
        Map<String, DatabaseStrategy> modes = new LinkedHashMap<>();
        modes.put("unguarded sequence (baseline)", ComparisonStrategies.unguardedSequence());
        modes.put("watermark (default)", DatabaseStrategy.postgresql());
        modes.put("table lock (reference)", ComparisonStrategies.tableLock());
        modes.put("serialised counter row", DatabaseStrategy.postgresqlSerialised());
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (int writers : new int[] {1, 8}) {
                for (var mode : modes.entrySet()) {
                    rates.computeIfAbsent(mode.getKey() + "|" + writers, k -> new ArrayList<>())
                            .add(commitsPerSecond(mode.getValue(), writers));
                }
            }
        }
        report(modes.keySet(), rates);
    }

    private static double commitsPerSecond(DatabaseStrategy strategy, int writers) throws Exception {
        JpaApplicationRecorder recorder = new JpaApplicationRecorder(TestDatabase.uniqueName("bench"),
                DATABASE.transactions(), strategy);
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong commits = new AtomicLong();
        AtomicLong inserted = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            futures.add(threads.submit(() -> {
                while (running.get()) {
                    recorder.insertEvents(List.of(new StoredEvent(UUID.randomUUID(), 1, "bench", new byte[64])));
                    inserted.incrementAndGet();
                    if (measuring.get()) {
                        commits.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        Thread.sleep(WARM_UP_MILLIS);
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(MEASURE_MILLIS);
        measuring.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        long counted = commits.get();
        running.set(false);
        for (Future<?> future : futures) {
            future.get(30, TimeUnit.SECONDS);
        }
        threads.shutdown();
        assertTrue(counted > 0, strategy + " committed nothing");
        assertEquals(inserted.get(), rowsOf(recorder), "every commit stored its event");
        return counted / seconds;
    }


    private static long rowsOf(JpaApplicationRecorder recorder) throws java.sql.SQLException {
        try (var connection = DATABASE.connection();
             var count = connection.prepareStatement("SELECT count(*) FROM es_events WHERE application_name = ?")) {
            count.setString(1, recorder.applicationName());
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void report(Iterable<String> modes, Map<String, List<Double>> rates) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%nPostgreSQL, 1 event per transaction, JPA recorder (Hibernate), %d rounds of %d ms%n", ROUNDS, MEASURE_MILLIS));
        out.append(String.format(Locale.ROOT, "%-32s %8s %14s %10s%n", "mode", "writers", "commits/s", "ratio"));
        for (int writers : new int[] {1, 8}) {
            double baseline = mean(rates.get("unguarded sequence (baseline)|" + writers));
            for (String mode : modes) {
                List<Double> r = rates.get(mode + "|" + writers);
                out.append(String.format(Locale.ROOT, "%-32s %8d %14.0f %9.2fx   rounds: %s%n", mode, writers, mean(r),
                        mean(r) / baseline, r.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList()));
            }
        }
        System.out.println(out);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
