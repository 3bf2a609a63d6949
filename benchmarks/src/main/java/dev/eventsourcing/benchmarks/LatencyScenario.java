package dev.eventsourcing.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * After-commit dispatch latency: one writer appends one event per transaction at a fixed rate
 * while a follower of the log (the contender's own subscription, or a poller for the baselines)
 * receives them. The latency of an event is the time from the return of its committed append to
 * its arrival at the follower (0 when it arrived before the append returned).
 */
final class LatencyScenario {

    private final Harness harness;

    LatencyScenario(Harness harness) {
        this.harness = harness;
    }

    void run(List<Contender> contenders) throws Exception {
        Options options = harness.options();
        for (Contender c : contenders) {
            measure(c, options.latencyRate(), 0.5);
            double[] latencies = measure(c, options.latencyRate(), options.latencySeconds());
            Arrays.sort(latencies);
            harness.record(new Figure(Scenarios.LATENCY_P50, "ms", false, c.name(), c.backend(),
                    new double[] {percentile(latencies, 0.50)}));
            harness.record(new Figure(Scenarios.LATENCY_P99, "ms", false, c.name(), c.backend(),
                    new double[] {percentile(latencies, 0.99)}));
        }
    }

    private static double[] measure(Contender c, int rate, double seconds) throws Exception {
        int count = (int) (rate * seconds);
        long[] committed = new long[count + 1];
        AtomicLongArray received = new AtomicLongArray(count + 1);
        UUID id = UUID.randomUUID();
        try (AutoCloseable follower = c.follow(c.maxNotificationId(), (originator, version) -> {
            if (originator.equals(id)) {
                received.set((int) version, System.nanoTime());
            }
        })) {
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int version = 1; version <= count; version++) {
                long due = start + (version - 1) * interval;
                LockSupport.parkNanos(due - System.nanoTime());
                c.append(List.of(Events.event(id, version)));
                committed[version] = System.nanoTime();
            }
            awaitAll(received, count);
        }
        double[] latencies = new double[count];
        for (int v = 1; v <= count; v++) {
            latencies[v - 1] = Math.max(0, received.get(v) - committed[v]) / 1e6;
        }
        return latencies;
    }

    private static void awaitAll(AtomicLongArray received, int count) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (received.get(count) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The follower did not receive event " + count + " within 10 s");
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
