package dev.eventsourcing.benchmarks;

import dev.eventsourcing.persistence.StoredEvent;
import java.util.List;
import java.util.UUID;
import java.util.function.ObjLongConsumer;

/**
 * One event store under measurement: ours (in memory or on JPA), a raw JDBC baseline doing the
 * same SQL work, or Axon Framework's JPA event store. Each scenario drives only these
 * operations, so that every contender does the same work.
 *
 * <p>Implementations are thread-safe where a scenario uses several writers ({@link #append}).
 */
public interface Contender extends Measured, AutoCloseable {

    /** Appends the events of one aggregate in one transaction. */
    void append(List<StoredEvent> events);

    /** Reads every event of one aggregate and returns how many it read. */
    int load(UUID originatorId);

    /** Stores a snapshot (an aggregate's state at a version) in the contender's snapshot store. */
    void storeSnapshot(StoredEvent snapshot);

    /** Reads the latest snapshot of an aggregate and the events after it; returns the rows read. */
    int loadFromSnapshot(UUID originatorId);

    /**
     * Reads the first {@code count} notifications of the log in pages of {@code pageSize}, each
     * page a query of its own, and returns how many it read: fewer when the log is shorter, or
     * when {@code deadline} ({@link System#nanoTime()}) passes first.
     */
    long readLog(int pageSize, long count, long deadline);

    /**
     * Processes {@code count} notifications after {@code position} as a process application would: per page,
     * in one transaction, one new event per notification into a downstream log plus the
     * tracking position. Returns how many it processed, stopping early at {@code deadline}.
     */
    long catchUp(long position, int pageSize, long count, long deadline);

    /**
     * Follows the log from after {@code position}, calling {@code onNotification} with the
     * originator id and version of each new notification as it becomes visible, until the
     * returned handle is closed.
     */
    AutoCloseable follow(long position, ObjLongConsumer<UUID> onNotification);

    /** The highest notification id of the log, or 0 when it is empty. */
    long maxNotificationId();

    /**
     * Set-up, not measured: fills the log with filler events (each its own aggregate) until it
     * holds at least {@code total} notifications, by the fastest means the backend has.
     */
    void fillTo(long total);

    /**
     * Updates the database's planner statistics of the contender's tables, as autovacuum or a DBA
     * would after a bulk load; the harness calls it after each set-up step, for every contender
     * alike. Nothing to do in memory.
     */
    default void analyze() {
    }

    /**
     * Lets go of what the write scenarios stored when keeping it would distort what follows; only
     * the in-memory store does so (millions of appended events would otherwise fill the heap).
     */
    default void discardAppended() {
    }

    @Override
    void close();
}
