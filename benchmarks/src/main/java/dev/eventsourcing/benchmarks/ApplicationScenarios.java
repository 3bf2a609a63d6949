package dev.eventsourcing.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The scenarios through the application ({@code Application.save}, {@code Repository.get}, the
 * {@code NotificationLog}), each beside the raw JDBC baseline doing the same SQL work on the
 * same backend: one event per transaction with 1 and 8 writers, loading an aggregate of
 * {@value #AGGREGATE} events (decoded and applied), and reading the log of {@code bench.log}
 * notifications in sections of {@value #SECTION}. Runs after the log scenarios, so the
 * baseline's log is filled already; the application fills its own.
 */
final class ApplicationScenarios {

    static final String SAVE_1 = "app: save 1 event/tx, 1 writer";
    static final String SAVE_8 = "app: save 1 event/tx, 8 writers";
    static final int AGGREGATE = 10_000;
    static final int SECTION = 100;

    private final Harness harness;
    private final Scenarios scenarios;
    private final Options options;

    ApplicationScenarios(Harness harness, Scenarios scenarios) {
        this.harness = harness;
        this.scenarios = scenarios;
        this.options = harness.options();
    }

    /** Runs the scenarios on the application of the backend and, where there is one, on the raw JDBC baseline. */
    void run(List<Contender> contenders) {
        run(contenders, false);
    }

    /**
     * Runs only the load of an aggregate through the application, beside the baseline, for a
     * quick look at the read path ({@code bench.loads.only}).
     */
    void runLoad(List<Contender> contenders) {
        run(contenders, true);
    }

    private void run(List<Contender> contenders, boolean loadOnly) {
        List<ApplicationWork> works = new ArrayList<>();
        contenders.stream().filter(c -> c.name().equals(Report.BASELINE)).findFirst()
                .ifPresent(raw -> works.add(ApplicationWork.of(raw)));
        Backend backend = contenders.get(0).backend();
        ApplicationContender application = ApplicationContender.create(backend);
        works.add(application);
        try {
            warmUp(application);
            if (loadOnly) {
                measureLoad(works);
            } else {
                measure(works);
            }
        } finally {
            ApplicationWork.closeAll(works);
        }
    }

    private void warmUp(ApplicationWork work) {
        long end = System.nanoTime() + (long) (options.warmupSeconds() * 1e9);
        var writer = work.writer();
        work.storeAggregate(100);
        while (System.nanoTime() < end) {
            for (int i = 0; i < 50; i++) {
                writer.getAsInt();
            }
            for (int i = 0; i < 20; i++) {
                work.load();
            }
            work.readLog(SECTION, 1000, end);
        }
    }

    private void measure(List<ApplicationWork> works) {
        double seconds = options.seconds();
        harness.measure(SAVE_1, "events/s", true, works,
                (w, round) -> Harness.throughput(1, seconds, w::writer));
        harness.measure(SAVE_8, "events/s", true, works,
                (w, round) -> Harness.throughput(8, seconds, w::writer));
        measureLoad(works);
        long count = options.logSize();
        for (ApplicationWork w : works) {
            w.fillTo(count);
        }
        String read = "app: read log of " + Scenarios.format(count) + ", sections of " + Scenarios.format(SECTION);
        harness.measure(read, "events/s", true, works, (w, round) -> Harness.rate(() -> scenarios.capped(read,
                w, w.readLog(SECTION, count, System.nanoTime() + (long) (options.capSeconds() * 1e9)), count)));
    }

    private void measureLoad(List<ApplicationWork> works) {
        for (ApplicationWork w : works) {
            w.storeAggregate(AGGREGATE);
        }
        harness.measure("app: load aggregate of " + Scenarios.format(AGGREGATE) + " events", "loads/s", true, works,
                (w, round) -> Harness.throughput(1, options.seconds(), () -> () -> check(w.load())));
    }

    private static int check(int loaded) {
        if (loaded != AGGREGATE) {
            throw new IllegalStateException("Expected an aggregate of " + AGGREGATE + " events, loaded " + loaded);
        }
        return 1;
    }
}
