package dev.eventsourcing.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import dev.eventsourcing.jpa.DatabaseStrategy;
import dev.eventsourcing.jpa.JpaInfrastructureFactory;
import dev.eventsourcing.jpa.JpaSchema;
import dev.eventsourcing.jpa.JpaTransactions;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.EntityManagerFactory;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Where a single append's time goes on PostgreSQL (suite {@code cost}): the one-event
 * transaction of the store, taken apart into steps that each add one thing to the last, measured
 * interleaved round by round on one database that {@link JpaSchema} made (the baseline on its
 * own, as in the classic suite):
 *
 * <ol>
 *   <li>{@value Report#BASELINE}: the classic suite's baseline, {@link JdbcContender}, inserting into
 *       its own table;</li>
 *   <li>{@value #PLAIN}: the same insert into {@code es_events}, with ids counted in the JVM (no
 *       guarantee at all, and far above the ids the store reserves);</li>
 *   <li>{@value #SKIP_TAKEN}: that insert with {@code ON CONFLICT DO NOTHING RETURNING}, as the
 *       store detects a taken version without a failing statement;</li>
 *   <li>{@value #RESERVED}: the store's own statement, whose id comes from
 *       {@code es_reserve_notification_ids} (the no-skip guarantee), sent by plain JDBC;</li>
 *   <li>{@value #RECORDER}: the same append through the JPA recorder, as an application makes it,
 *       with the settings of the classic suite's JPA contender (push as {@code bench.jpa.push} says).</li>
 * </ol>
 *
 * Each step's ratio to the baseline, and to the step before it, is what that step costs. All
 * steps but the baseline take their connections from the same pool, with auto-commit off. Besides the rates, the
 * CPU time per event of the writing thread (in the JVM, the driver and the kernel's socket calls)
 * and of the whole JVM (the store's own threads too) tells the client's share apart from the
 * database's: it moves far less with the machine's noise than the rates do. Where the database
 * server runs on this machine and its processes are readable ({@link ServerCpu}), the CPU time of
 * all its processes per event, with 1 and 8 writers, says what each step costs the server; with
 * 8 writers on few cores, the CPU per event of the JVM and the server together bounds the rate.
 * The suite then takes a 100-event batch apart in the same way ({@link BatchCostScenario}).
 */
final class AppendCostScenario {

    static final String ONE_WRITER = "append cost, 1 event/tx, 1 writer";
    static final String EIGHT_WRITERS = "append cost, 1 event/tx, 8 writers";
    static final String CLIENT_CPU = "append cost, CPU of the writing thread per event, 1 writer";
    static final String PROCESS_CPU = "append cost, CPU of the whole JVM per event, 1 writer";
    static final String SERVER_CPU = "append cost, CPU of the database server per event, 1 writer";
    static final String PROCESS_CPU_EIGHT = "append cost, CPU of the whole JVM per event, 8 writers";
    static final String SERVER_CPU_EIGHT = "append cost, CPU of the database server per event, 8 writers";
    static final String PLAIN = "es_events, ids from the JVM";
    static final String SKIP_TAKEN = "+ ON CONFLICT DO NOTHING";
    static final String RESERVED = "+ reserved id (store SQL)";
    static final String RECORDER = "JPA recorder";

    private static final String APPLICATION = "Costs";
    private static final String COLUMNS = "INSERT INTO es_events (application_name, notification_id, originator_id,"
            + " originator_version, topic, state) VALUES (?, ";
    private static final String PLAIN_INSERT = COLUMNS + "?, CAST(? AS UUID), ?, ?, ?)";
    private static final String SKIPPING_INSERT = PLAIN_INSERT
            + " ON CONFLICT (application_name, originator_id, originator_version) DO NOTHING RETURNING notification_id";
    // The store's single-event statement (EventRows), as JDBC sends it.
    private static final String RESERVING_INSERT = COLUMNS + "es_reserve_notification_ids(?, 1), CAST(? AS UUID), ?, ?, ?)"
            + " ON CONFLICT (application_name, originator_id, originator_version) DO NOTHING RETURNING notification_id";
    /** Far above any id the store reserves in a run, so the JVM's ids never meet them. */
    private static final long JVM_IDS_FROM = 1_000_000_000_000L;
    /** The CPU time of the calling thread, in ns. */
    static final LongSupplier THREAD = ManagementFactory.getThreadMXBean()::getCurrentThreadCpuTime;
    /** The CPU time of the whole JVM (every thread: the writer, the store's own, the collector's, the compiler's), in ns. */
    static final LongSupplier PROCESS =
            ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())::getProcessCpuTime;

    /** One step: a name in the results and how it appends one event. */
    record Step(String name, Backend backend, Append append) implements Measured {
    }

    /** One step of {@link BatchCostScenario}: a name in the results and how it appends a batch in a transaction. */
    record Batch(String name, Backend backend, Consumer<List<StoredEvent>> append) implements Measured {
    }

    /** Appends one event in a transaction of its own. */
    @FunctionalInterface
    interface Append {
        void event(StoredEvent event);
    }

    private final Harness harness;

    AppendCostScenario(Harness harness) {
        this.harness = harness;
    }

    /** Measures the steps on PostgreSQL; the other backends have no such statement to take apart. */
    void run(Backend backend) throws Exception {
        if (backend != Backend.POSTGRESQL) {
            return;
        }
        JdbcContender baseline = new JdbcContender(backend);
        try (BenchDatabase database = BenchDatabase.create(backend, "cost")) {
            EntityManagerFactory factory = JpaUnits.open("eventsourcing", database.dataSource(), Map.of());
            try {
                JpaTransactions transactions = JpaTransactions.resourceLocal(factory);
                DatabaseStrategy strategy = DatabaseStrategy.postgresql();
                JpaSchema.createTables(transactions, strategy);
                ApplicationRecorder recorder = new JpaInfrastructureFactory(APPLICATION, JpaContenders.settings(),
                        transactions, strategy).applicationRecorder();
                measure(steps(baseline, database, recorder));
                new BatchCostScenario(harness).measure(baseline, database, recorder);
            } finally {
                factory.close();
            }
        } finally {
            baseline.close();
        }
    }

    private void measure(List<Step> steps) throws Exception {
        double seconds = harness.options().seconds();
        harness.measure(ONE_WRITER, "events/s", true, steps,
                (step, round) -> Harness.throughput(1, seconds, () -> writer(step)));
        harness.measure(EIGHT_WRITERS, "events/s", true, steps,
                (step, round) -> Harness.throughput(8, seconds, () -> writer(step)));
        harness.measure(CLIENT_CPU, "µs", false, steps, (step, round) -> cpuMicros(writer(step), seconds, THREAD));
        harness.measure(PROCESS_CPU, "µs", false, steps, (step, round) -> cpuMicros(writer(step), seconds, PROCESS));
        harness.measure(PROCESS_CPU_EIGHT, "µs", false, steps,
                (step, round) -> cpuMicros(() -> writer(step), 8, seconds, PROCESS));
        if (ServerCpu.readable()) {
            harness.measure(SERVER_CPU, "µs", false, steps,
                    (step, round) -> cpuMicros(writer(step), seconds, ServerCpu::nanos));
            harness.measure(SERVER_CPU_EIGHT, "µs", false, steps,
                    (step, round) -> cpuMicros(() -> writer(step), 8, seconds, ServerCpu::nanos));
        }
    }

    /**
     * The CPU time {@code clock} counts per event, in µs, while {@code threads} writers append for
     * {@code seconds} (the events are the rate times the time asked for, which the run exceeds by
     * at most one append per writer).
     */
    static double cpuMicros(Supplier<IntSupplier> writers, int threads, double seconds, LongSupplier clock)
            throws Exception {
        long cpuBefore = clock.getAsLong();
        double rate = Harness.throughput(threads, seconds, writers);
        return (clock.getAsLong() - cpuBefore) / 1e3 / (rate * seconds);
    }

    /**
     * The CPU time {@code clock} counts per event, in µs, while this thread alone appends with
     * {@code writer} for {@code seconds}.
     */
    static double cpuMicros(IntSupplier writer, double seconds, LongSupplier clock) {
        long events = 0;
        long cpuBefore = clock.getAsLong();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            events += writer.getAsInt();
        }
        return (clock.getAsLong() - cpuBefore) / 1e3 / events;
    }

    private static IntSupplier writer(Step step) {
        return Scenarios.oneEventWriter(events -> step.append().event(events.get(0)));
    }

    private static List<Step> steps(JdbcContender baseline, BenchDatabase database, ApplicationRecorder recorder) {
        AtomicLong jvmIds = new AtomicLong(JVM_IDS_FROM);
        Backend backend = database.backend();
        return List.of(
                new Step(Report.BASELINE, backend, event -> baseline.append(List.of(event))),
                new Step(PLAIN, backend, event -> inTransaction(database, c -> {
                    try (PreparedStatement insert = c.prepareStatement(PLAIN_INSERT)) {
                        bind(insert, event).setLong(2, jvmIds.incrementAndGet());
                        insert.executeUpdate();
                    }
                })),
                new Step(SKIP_TAKEN, backend, event -> inTransaction(database, c -> {
                    try (PreparedStatement insert = c.prepareStatement(SKIPPING_INSERT)) {
                        bind(insert, event).setLong(2, jvmIds.incrementAndGet());
                        returnsRow(insert);
                    }
                })),
                new Step(RESERVED, backend, event -> inTransaction(database, c -> {
                    try (PreparedStatement insert = c.prepareStatement(RESERVING_INSERT)) {
                        bind(insert, event).setString(2, APPLICATION);
                        returnsRow(insert);
                    }
                })),
                new Step(RECORDER, backend, event -> recorder.insertEvents(List.of(event))));
    }

    /**
     * Binds the application's name as the first parameter and the event's originator id,
     * version, topic and state as the third to the sixth; the caller binds the second, the id.
     */
    private static PreparedStatement bind(PreparedStatement insert, StoredEvent event) throws SQLException {
        insert.setString(1, APPLICATION);
        insert.setString(3, event.originatorId().toString());
        insert.setLong(4, event.originatorVersion());
        insert.setString(5, event.topic());
        insert.setBytes(6, event.state());
        return insert;
    }

    private static void returnsRow(PreparedStatement insert) throws SQLException {
        try (ResultSet row = insert.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("The insert skipped its row: the version was taken");
            }
        }
    }

    /** Runs the statements in a transaction of their own, on a connection of the pool. */
    static void inTransaction(BenchDatabase database, Statements statements) {
        Sql.inTransaction(database.dataSource(), c -> {
            statements.run(c);
            return null;
        });
    }

    @FunctionalInterface
    interface Statements {
        void run(Connection connection) throws SQLException;
    }
}
