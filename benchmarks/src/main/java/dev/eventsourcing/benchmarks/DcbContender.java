package dev.eventsourcing.benchmarks;

import dev.eventsourcing.dcb.DcbRecorder;
import java.util.Objects;

/**
 * A DCB recorder under measurement: the scenarios drive it only through {@link DcbRecorder}, so
 * that every backend does the same work. The backend supplies the recorder, the update of the
 * planner statistics after a bulk load, and what to close.
 *
 * @param name      the contender's name in the results, e.g. {@code DCB in-memory}
 * @param backend   where it keeps its events
 * @param recorder  the recorder, on an empty store
 * @param analyzer  updates the database's planner statistics, as autovacuum would; nothing in memory
 * @param resources what to close after the run
 */
record DcbContender(String name, Backend backend, DcbRecorder recorder, Runnable analyzer, AutoCloseable resources)
        implements Measured, AutoCloseable {

    DcbContender {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(recorder, "recorder");
        Objects.requireNonNull(analyzer, "analyzer");
        Objects.requireNonNull(resources, "resources");
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("Closing " + name + "/" + backend.label() + ": " + e, e);
        }
    }
}
