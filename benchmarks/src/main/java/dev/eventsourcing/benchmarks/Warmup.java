package dev.eventsourcing.benchmarks;

import java.util.List;
import java.util.UUID;

/**
 * Brings a contender's code paths up to speed before anything is measured: the JIT compiles
 * Hibernate's and the drivers' hot paths only after thousands of calls, which one warm-up round
 * per scenario does not give. Runs every kind of operation in turn until the time is up or
 * {@value #ITERATIONS} iterations are done (about 121,000 events stored, 40,000 loads). The
 * cap bounds only the fast contenders (in memory); the databases' contenders run for the whole
 * time, since a cap of a few thousand appends measured Hibernate on embedded H2 before the JIT
 * had compiled it (its single appends then ran at a fortieth of their later rate).
 */
final class Warmup {

    static final int ITERATIONS = 1_000;

    private final Contender contender;

    Warmup(Contender contender) {
        this.contender = contender;
    }

    void run(double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        UUID aggregate = UUID.randomUUID();
        contender.append(Events.batch(aggregate, 1, 100));
        contender.storeSnapshot(Events.snapshot(aggregate, 50));
        long version = 100;
        for (int iteration = 0; iteration < ITERATIONS && System.nanoTime() < end; iteration++) {
            for (int i = 0; i < 20; i++) {
                contender.append(List.of(Events.event(aggregate, ++version)));
            }
            contender.append(Events.batch(UUID.randomUUID(), 1, 100));
            for (int i = 0; i < 20; i++) {
                contender.load(aggregate);
                contender.loadFromSnapshot(aggregate);
            }
            contender.readLog(100, 500, Long.MAX_VALUE);
            if (version > 1000) {
                aggregate = UUID.randomUUID();
                contender.append(Events.batch(aggregate, 1, 100));
                contender.storeSnapshot(Events.snapshot(aggregate, 50));
                version = 100;
            }
        }
    }
}
