package dev.eventsourcing.benchmarks;

import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * What the scenarios through the application do, so that the application and the raw JDBC
 * baseline do the same work: the application through {@code Application.save},
 * {@code Repository.get} and the {@code NotificationLog}, decoding included; the baseline the
 * same SQL on its own tables.
 */
interface ApplicationWork extends Measured, AutoCloseable {

    /** A writer appending one event per transaction; each call appends one and returns 1. */
    IntSupplier writer();

    /** Set-up: stores an aggregate of {@code size} events, the one {@link #load()} reads. */
    void storeAggregate(int size);

    /** Reads the aggregate stored last and returns its number of events. */
    int load();

    /**
     * Reads the first {@code count} notifications of the log in sections (pages) of
     * {@code sectionSize} and returns how many it read, stopping early at {@code deadline}.
     */
    long readLog(int sectionSize, long count, long deadline);

    /** Set-up: fills the log until it holds at least {@code total} notifications. */
    void fillTo(long total);

    @Override
    void close();

    /** The raw JDBC baseline doing the same SQL work: it shares (and does not close) the contender. */
    static ApplicationWork of(Contender raw) {
        return new ApplicationWork() {
            private UUID aggregate;

            @Override
            public String name() {
                return raw.name();
            }

            @Override
            public Backend backend() {
                return raw.backend();
            }

            @Override
            public IntSupplier writer() {
                return Scenarios.oneEventWriter(raw);
            }

            @Override
            public void storeAggregate(int size) {
                aggregate = UUID.randomUUID();
                for (int first = 1; first <= size; first += 100) {
                    raw.append(Events.batch(aggregate, first, Math.min(100, size - first + 1)));
                }
                raw.analyze();
            }

            @Override
            public int load() {
                return raw.load(aggregate);
            }

            @Override
            public long readLog(int sectionSize, long count, long deadline) {
                return raw.readLog(sectionSize, count, deadline);
            }

            @Override
            public void fillTo(long total) {
                raw.fillTo(total);
                raw.analyze();
            }

            @Override
            public void close() {
            }
        };
    }

    /** Closes each, keeping the first failure. */
    static void closeAll(List<? extends ApplicationWork> works) {
        RuntimeException failure = null;
        for (ApplicationWork work : works) {
            try {
                work.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
