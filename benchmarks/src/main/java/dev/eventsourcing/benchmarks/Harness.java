package dev.eventsourcing.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Runs trials: one warm-up round per contender, then the measured rounds, with the contenders
 * of one backend interleaved round by round so that a noisy moment on the shared machine
 * touches them all alike.
 */
final class Harness {

    /** One round of a scenario on one contender, returning the round's value (e.g. events/s). */
    @FunctionalInterface
    interface Trial<C> {
        double run(C contender, int round) throws Exception;
    }

    private final Options options;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Harness(Options options) {
        this.options = options;
    }

    Options options() {
        return options;
    }

    /** Everything measured so far, in order. */
    List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** Observations to print with the results (capped rounds, set-up times). */
    List<String> notes() {
        return List.copyOf(notes);
    }

    /** Records an observation and prints it at once. */
    synchronized void note(String message) {
        notes.add(message);
        Report.note(message);
    }

    /** Records a figure measured outside {@link #measure}. */
    void record(Figure figure) {
        figures.add(figure);
        Report.progress(figure);
    }

    /**
     * Measures a scenario on each contender: a warm-up round (round 0, not kept), then the
     * configured number of rounds.
     */
    <C extends Measured> void measure(String scenario, String unit, boolean higherIsBetter, List<C> contenders,
            Trial<C> trial) {
        measure(scenario, unit, higherIsBetter, contenders, options.rounds(), trial);
    }

    <C extends Measured> void measure(String scenario, String unit, boolean higherIsBetter, List<C> contenders,
            int rounds, Trial<C> trial) {
        Map<C, double[]> samples = new LinkedHashMap<>();
        for (C contender : contenders) {
            run(trial, contender, 0, scenario);
            samples.put(contender, new double[rounds]);
        }
        for (int round = 1; round <= rounds; round++) {
            for (C contender : contenders) {
                samples.get(contender)[round - 1] = run(trial, contender, round, scenario);
            }
        }
        samples.forEach((contender, values) ->
                record(new Figure(scenario, unit, higherIsBetter, contender.name(), contender.backend(), values)));
    }

    private static <C extends Measured> double run(Trial<C> trial, C contender, int round, String scenario) {
        try {
            return trial.run(contender, round);
        } catch (Exception e) {
            throw new IllegalStateException(scenario + " failed on " + contender.name() + "/"
                    + contender.backend().label() + ": " + e, e);
        }
    }

    /**
     * Runs an operation in {@code threads} threads for {@code seconds} and returns the events
     * it did per second. Each thread gets its own operation from the supplier (its own state).
     */
    static double throughput(int threads, double seconds, Supplier<IntSupplier> operations) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            long[] deadline = new long[1];
            List<Future<Long>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                IntSupplier operation = operations.get();
                done.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    long events = 0;
                    while (System.nanoTime() < deadline[0]) {
                        events += operation.getAsInt();
                    }
                    return events;
                }));
            }
            ready.await();
            long start = System.nanoTime();
            deadline[0] = start + (long) (seconds * 1e9);
            go.countDown();
            long events = 0;
            for (Future<Long> f : done) {
                events += f.get();
            }
            return events / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs an operation once and returns its events per second. */
    static double rate(IntSupplierWithCount operation) {
        long start = System.nanoTime();
        long events = operation.run();
        return events / ((System.nanoTime() - start) / 1e9);
    }

    /** An operation that reports how many events it handled. */
    @FunctionalInterface
    interface IntSupplierWithCount {
        long run();
    }
}
