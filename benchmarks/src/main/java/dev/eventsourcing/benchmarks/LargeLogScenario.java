package dev.eventsourcing.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The large log: appends after {@code bench.large-log} notifications are stored (to compare with
 * the same figure on a nearly empty store), and reading the large log from its start in pages of
 * 1,000 while sampling the heap every few milliseconds, a warm-up round and then the measured
 * rounds, which share three times the cap of a round of the other reads.
 */
final class LargeLogScenario {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final long SAMPLE_MILLIS = 250;

    private final Harness harness;
    private final Scenarios scenarios;

    LargeLogScenario(Harness harness, Scenarios scenarios) {
        this.harness = harness;
        this.scenarios = scenarios;
    }

    void run(List<Contender> contenders) throws Exception {
        Options options = harness.options();
        for (Contender c : contenders) {
            long start = System.nanoTime();
            c.fillTo(options.largeLogSize());
            c.analyze();
            harness.note("filled " + c.name() + "/" + c.backend().label() + " to " + Scenarios.format(options.largeLogSize())
                    + " in " + Math.round((System.nanoTime() - start) / 1e9) + " s");
        }
        harness.measure(Scenarios.APPEND_AFTER_LARGE, "events/s", true, contenders,
                (c, round) -> Harness.throughput(1, options.seconds(), () -> Scenarios.oneEventWriter(c)));
        // Every round reads from the start of the log; the rounds share the time one long read had.
        double capSeconds = 3 * options.capSeconds() / options.rounds();
        java.util.Map<Contender, double[]> heaps = new java.util.HashMap<>();
        harness.measure(Scenarios.LARGE_READ, "events/s", true, contenders, (c, round) -> {
            long total = Math.min(c.maxNotificationId(), options.largeLogSize());
            HeapSample sample = readWatchingHeap(c, total, capSeconds);
            if (round > 0) {
                heaps.computeIfAbsent(c, k -> new double[options.rounds()])[round - 1] = sample.peakMegabytes;
            }
            return sample.eventsPerSecond;
        });
        for (Contender c : contenders) {
            harness.record(new Figure(Scenarios.LARGE_HEAP, "MB", false, c.name(), c.backend(), heaps.get(c)));
        }
    }

    private record HeapSample(double eventsPerSecond, double peakMegabytes) {
    }

    /**
     * Reads the log while a sampler forces a full collection every {@value #SAMPLE_MILLIS} ms and
     * records the heap in use right after it: the live heap, not the garbage young collections
     * would clear anyway. The figure is the highest live heap seen above the one before reading;
     * a reader that kept what it read would show hundreds of MB here.
     */
    private HeapSample readWatchingHeap(Contender c, long count, double capSeconds) throws InterruptedException {
        System.gc();
        // The cap starts after the collection, which on a busy machine may take a good part of it.
        long deadline = System.nanoTime() + (long) (capSeconds * 1e9);
        long baseline = MEMORY.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (reading.get()) {
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                if (reading.get()) {
                    System.gc();
                    peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                }
            }
        }, "heap-sampler");
        sampler.start();
        long start = System.nanoTime();
        long read = c.readLog(1000, count, deadline);
        double seconds = (System.nanoTime() - start) / 1e9;
        reading.set(false);
        sampler.interrupt();
        sampler.join();
        scenarios.capped(Scenarios.LARGE_READ, c, read, count);
        return new HeapSample(read / seconds, (peak.get() - baseline) / (1024.0 * 1024.0));
    }
}
