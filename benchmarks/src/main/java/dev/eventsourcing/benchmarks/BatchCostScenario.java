package dev.eventsourcing.benchmarks;

import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.StoredEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * Where a 100-event batch's time goes on PostgreSQL, in the {@code cost} suite beside the single
 * append ({@link AppendCostScenario}), on the same databases, in steps that each add one thing
 * to the last:
 *
 * <ol>
 *   <li>{@value Report#BASELINE}: {@link JdbcContender}'s JDBC batch of 100 single-row inserts
 *       into its own table;</li>
 *   <li>{@value #MULTI_ROW}: one insert of the 100 rows into {@code es_events}, in the store's
 *       form (a multi-row {@code VALUES}, the originator id as text cast to {@code uuid},
 *       {@code ON CONFLICT DO NOTHING}), with ids counted in the JVM;</li>
 *   <li>{@value #STORE_FORM}: the store's own batch statement, with its first id bound from the
 *       JVM instead of reserved;</li>
 *   <li>{@value #RESERVED}: the store's own statement, which reserves the batch's ids with
 *       {@code es_reserve_notification_ids} and inserts the rows under them, sent by plain JDBC;</li>
 *   <li>{@value AppendCostScenario#RECORDER}: the same batch through the JPA recorder.</li>
 * </ol>
 *
 * With one writer, as in the classic suite's batch scenario; besides the rates, the CPU per event
 * of the writing thread, of the whole JVM and (where {@link ServerCpu} can read it) of the
 * server.
 */
final class BatchCostScenario {

    static final String RATE = "append cost, 100-event batches, 1 writer";
    static final String THREAD_CPU = "append cost, 100-event batches, CPU of the writing thread per event";
    static final String PROCESS_CPU = "append cost, 100-event batches, CPU of the whole JVM per event";
    static final String SERVER_CPU = "append cost, 100-event batches, CPU of the database server per event";
    static final String MULTI_ROW = "es_events, one multi-row insert, ids from the JVM";
    static final String STORE_FORM = "+ the store's statement, ids from the JVM";
    static final String RESERVED = "+ reserved ids (store SQL)";

    private static final int SIZE = 100;
    private static final String APPLICATION = "Costs";
    /** Far above any id the store reserves in a run, and above the single-event steps' ids. */
    private static final long JVM_IDS_FROM = 2_000_000_000_000L;
    // The store's statement for a batch (EventRows), as JDBC sends it: the application and the
    // count, the application again, then per row its number from 0 (written in) and the
    // originator id, version, topic and state.
    private static final String RESERVING_INSERT = """
            WITH reserved AS (SELECT es_reserve_notification_ids(?, ?) AS first_id),
            inserted AS (
                INSERT INTO es_events (application_name, notification_id, originator_id, originator_version, topic, state)
                SELECT ?, r.first_id + v.n, CAST(v.originator_id AS UUID), v.originator_version, v.topic, v.state
                  FROM reserved r, (VALUES %s) AS v (n, originator_id, originator_version, topic, state)
                ON CONFLICT (application_name, originator_id, originator_version) DO NOTHING
                RETURNING 1)
            SELECT r.first_id, (SELECT count(*) FROM inserted) FROM reserved r""".formatted(numberedRows());
    // The same statement with the first id bound instead of reserved (the count stays a parameter).
    private static final String STORE_FORM_INSERT =
            RESERVING_INSERT.replace("es_reserve_notification_ids(?, ?)", "CAST(? AS BIGINT) + 0 * CAST(? AS INTEGER)");
    private static final String MULTI_ROW_INSERT = "INSERT INTO es_events (application_name, notification_id,"
            + " originator_id, originator_version, topic, state) VALUES "
            + String.join(",\n", Collections.nCopies(SIZE, "(?, ?, CAST(? AS UUID), ?, ?, ?)"))
            + "\nON CONFLICT (application_name, originator_id, originator_version) DO NOTHING";

    private final Harness harness;

    BatchCostScenario(Harness harness) {
        this.harness = harness;
    }

    /** Measures the batch steps on the cost suite's databases. */
    void measure(JdbcContender baseline, BenchDatabase database, ApplicationRecorder recorder) throws Exception {
        List<AppendCostScenario.Batch> steps = steps(baseline, database, recorder);
        double seconds = harness.options().seconds();
        harness.measure(RATE, "events/s", true, steps,
                (step, round) -> Harness.throughput(1, seconds, () -> writer(step)));
        harness.measure(THREAD_CPU, "µs", false, steps,
                (step, round) -> AppendCostScenario.cpuMicros(writer(step), seconds, AppendCostScenario.THREAD));
        harness.measure(PROCESS_CPU, "µs", false, steps,
                (step, round) -> AppendCostScenario.cpuMicros(() -> writer(step), 1, seconds, AppendCostScenario.PROCESS));
        if (ServerCpu.readable()) {
            harness.measure(SERVER_CPU, "µs", false, steps,
                    (step, round) -> AppendCostScenario.cpuMicros(() -> writer(step), 1, seconds, ServerCpu::nanos));
        }
    }

    private static IntSupplier writer(AppendCostScenario.Batch step) {
        return () -> {
            step.append().accept(Events.batch(UUID.randomUUID(), 1, SIZE));
            return SIZE;
        };
    }

    private static List<AppendCostScenario.Batch> steps(JdbcContender baseline, BenchDatabase database,
                                                        ApplicationRecorder recorder) {
        AtomicLong jvmIds = new AtomicLong(JVM_IDS_FROM);
        Backend backend = database.backend();
        return List.of(
                new AppendCostScenario.Batch(Report.BASELINE, backend, baseline::append),
                new AppendCostScenario.Batch(MULTI_ROW, backend, events -> AppendCostScenario.inTransaction(database, c -> {
                    try (PreparedStatement insert = c.prepareStatement(MULTI_ROW_INSERT)) {
                        long first = jvmIds.getAndAdd(SIZE);
                        int p = 1;
                        for (int i = 0; i < SIZE; i++) {
                            insert.setString(p++, APPLICATION);
                            insert.setLong(p++, first + i);
                            p = bind(insert, p, events.get(i));
                        }
                        check(insert.executeUpdate());
                    }
                })),
                new AppendCostScenario.Batch(STORE_FORM, backend, events -> AppendCostScenario.inTransaction(database, c -> {
                    try (PreparedStatement insert = c.prepareStatement(STORE_FORM_INSERT)) {
                        insert.setLong(1, jvmIds.getAndAdd(SIZE));
                        storeForm(insert, events);
                    }
                })),
                new AppendCostScenario.Batch(RESERVED, backend, events -> AppendCostScenario.inTransaction(database, c -> {
                    try (PreparedStatement insert = c.prepareStatement(RESERVING_INSERT)) {
                        insert.setString(1, APPLICATION);
                        storeForm(insert, events);
                    }
                })),
                new AppendCostScenario.Batch(AppendCostScenario.RECORDER, backend, recorder::insertEvents));
    }

    /** Binds the store's statement from its second parameter on, runs it and checks that every row went in. */
    private static void storeForm(PreparedStatement insert, List<StoredEvent> events) throws SQLException {
        insert.setInt(2, SIZE);
        insert.setString(3, APPLICATION);
        int p = 4;
        for (int i = 0; i < SIZE; i++) {
            p = bind(insert, p, events.get(i));
        }
        try (ResultSet row = insert.executeQuery()) {
            row.next();
            check(row.getInt(2));
        }
    }

    /** Binds an event's originator id (as text), version, topic and state from {@code p}; returns the next index. */
    private static int bind(PreparedStatement insert, int p, StoredEvent event) throws SQLException {
        insert.setString(p, event.originatorId().toString());
        insert.setLong(p + 1, event.originatorVersion());
        insert.setString(p + 2, event.topic());
        insert.setBytes(p + 3, event.state());
        return p + 4;
    }

    private static void check(int inserted) {
        if (inserted != SIZE) {
            throw new IllegalStateException("The insert skipped " + (SIZE - inserted) + " of its rows: their versions were taken");
        }
    }

    private static String numberedRows() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < SIZE; i++) {
            rows.append(i == 0 ? "" : ",\n").append('(').append(i).append(", ?, ?, ?, ?)");
        }
        return rows.toString();
    }
}
