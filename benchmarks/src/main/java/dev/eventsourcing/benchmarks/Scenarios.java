package dev.eventsourcing.benchmarks;

import dev.eventsourcing.persistence.StoredEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The scenarios of the benchmark, run on the contenders of one backend in a fixed order: the
 * write scenarios on a nearly empty store, a hot aggregate through the application, then loads,
 * latency, the log of {@code bench.log} notifications (reads, the scenarios through the
 * application, catch-up), and last the large log of {@code bench.large-log}.
 */
final class Scenarios {

    static final String APPEND_1 = "append 1 event/tx, 1 writer";
    static final String APPEND_8 = "append 1 event/tx, 8 writers";
    static final String APPEND_100 = "append 100-event batches, 1 writer";
    static final String APPEND_AFTER_LARGE = "append 1 event/tx, 1 writer, after large log";
    static final String CATCH_UP = "catch-up: process notifications, 100 per tx";
    static final String LATENCY_P50 = "dispatch latency p50";
    static final String LATENCY_P99 = "dispatch latency p99";
    static final String LARGE_READ = "read large log, pages of 1,000 (GC every 250 ms)";
    static final String LARGE_HEAP = "peak live heap while reading large log";

    private static final int[] AGGREGATE_SIZES = {1, 100, 10_000};

    private final Harness harness;
    private final Options options;

    Scenarios(Harness harness) {
        this.harness = harness;
        this.options = harness.options();
    }

    /** Runs every scenario on the contenders, which share one backend. */
    void runAll(List<Contender> contenders) throws Exception {
        for (Contender c : contenders) {
            new Warmup(c).run(options.warmupSeconds());
            c.analyze();
        }
        if (Options.latencyOnly()) {
            new LatencyScenario(harness).run(contenders);
            return;
        }
        if (Options.loadsOnly()) {
            loads(contenders);
            new ApplicationScenarios(harness, this).runLoad(contenders);
            return;
        }
        appends(contenders);
        if (Options.appendsOnly()) {
            return;
        }
        contenders.forEach(Contender::discardAppended);
        new HotAggregateScenario(harness).run(contenders.get(0).backend());
        loads(contenders);
        new LatencyScenario(harness).run(contenders);
        for (Contender c : contenders) {
            c.fillTo(options.logSize());
            c.analyze();
        }
        reads(contenders);
        new ApplicationScenarios(harness, this).run(contenders);
        catchUp(contenders);
        new LargeLogScenario(harness, this).run(contenders);
    }

    private void appends(List<Contender> contenders) {
        double seconds = options.seconds();
        harness.measure(APPEND_1, "events/s", true, contenders,
                (c, round) -> Harness.throughput(1, seconds, () -> oneEventWriter(c)));
        harness.measure(APPEND_8, "events/s", true, contenders,
                (c, round) -> Harness.throughput(8, seconds, () -> oneEventWriter(c)));
        harness.measure(APPEND_100, "events/s", true, contenders,
                (c, round) -> Harness.throughput(1, seconds, () -> () -> {
                    c.append(Events.batch(UUID.randomUUID(), 1, 100));
                    return 100;
                }));
    }

    /** A writer appending one event per transaction to its own aggregate, a new one every 100 versions. */
    static IntSupplier oneEventWriter(Contender c) {
        return oneEventWriter(c::append);
    }

    /** {@link #oneEventWriter(Contender)} for anything that appends a batch. */
    static IntSupplier oneEventWriter(Consumer<List<StoredEvent>> append) {
        return new IntSupplier() {
            private UUID id = UUID.randomUUID();
            private long version;

            @Override
            public int getAsInt() {
                if (version == 100) {
                    id = UUID.randomUUID();
                    version = 0;
                }
                append.accept(List.of(Events.event(id, ++version)));
                return 1;
            }
        };
    }

    private void loads(List<Contender> contenders) {
        Map<Integer, UUID> aggregates = new LinkedHashMap<>();
        for (int size : AGGREGATE_SIZES) {
            aggregates.put(size, UUID.randomUUID());
        }
        for (Contender c : contenders) {
            aggregates.forEach((size, id) -> {
                for (int first = 1; first <= size; first += 100) {
                    c.append(Events.batch(id, first, Math.min(100, size - first + 1)));
                }
                c.storeSnapshot(Events.snapshot(id, size));
            });
            c.analyze();
        }
        double seconds = options.seconds();
        aggregates.forEach((size, id) -> harness.measure("load aggregate of " + format(size) + " events", "loads/s", true,
                contenders, (c, round) -> Harness.throughput(1, seconds, () -> () -> check(c.load(id), size))));
        aggregates.forEach((size, id) -> harness.measure("load aggregate of " + format(size) + " events, snapshot",
                "loads/s", true, contenders,
                (c, round) -> Harness.throughput(1, seconds, () -> () -> check(c.loadFromSnapshot(id), 1))));
    }

    private static int check(int read, int expected) {
        if (read != expected) {
            throw new IllegalStateException("Expected to read " + expected + " rows, read " + read);
        }
        return 1;
    }

    private void reads(List<Contender> contenders) {
        long count = options.logSize();
        for (int page : new int[] {100, 1000}) {
            String scenario = "read log of " + format(count) + ", pages of " + format(page);
            harness.measure(scenario, "events/s", true, contenders,
                    (c, round) -> Harness.rate(() -> capped(scenario, c, c.readLog(page, count, deadline(1)), count)));
        }
    }

    private long deadline(double caps) {
        return System.nanoTime() + (long) (caps * options.capSeconds() * 1e9);
    }

    /** Checks a capped round: short only because the cap was reached, which is noted. */
    long capped(String scenario, Measured c, long done, long expected) {
        if (done < expected) {
            harness.note(scenario + ": " + c.name() + "/" + c.backend().label() + " reached the cap after "
                    + format(done) + " of " + format(expected) + " notifications; its rate covers those");
        }
        if (done == 0) {
            throw new IllegalStateException(scenario + " read nothing on " + c.name());
        }
        return done;
    }

    /**
     * The log is cut into warm-up plus rounds, each processing the next stretch, so that every
     * notification is processed once.
     */
    private void catchUp(List<Contender> contenders) {
        long stretch = options.logSize() / (options.rounds() + 1);
        harness.measure(CATCH_UP, "events/s", true, contenders, (c, round) -> Harness.rate(
                () -> capped(CATCH_UP, c, c.catchUp(round * stretch, 100, stretch, deadline(1)), stretch)));
    }

    static String format(long n) {
        return String.format("%,d", n);
    }
}
