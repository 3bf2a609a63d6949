package dev.eventsourcing.persistence.inmemory;

import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.ConcurrencyConflictException;
import dev.eventsourcing.persistence.EventKey;
import dev.eventsourcing.persistence.EventSelection;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.SnapshotAndEvents;
import dev.eventsourcing.persistence.SnapshotJoiningRecorder;
import dev.eventsourcing.persistence.StoredEvent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Stores the events of aggregates in memory, one version-ordered sequence per originator.
 *
 * <p>Thread-safe. A batch is validated as a whole before anything is written, so it is stored
 * entirely or not at all: an event whose originator id and version is stored already fails the
 * batch with a {@link ConcurrencyConflictException} naming the first such event, and two events
 * of the batch with the same originator id and version fail it with an
 * {@link IntegrityException}. A {@code null} list or event fails with a
 * {@link NullPointerException}. Keeps no total order, so {@link #insertEvents} returns no ids.
 * Joins the snapshots of any in-memory recorder ({@link SnapshotJoiningRecorder}).
 */
public class InMemoryAggregateRecorder implements SnapshotJoiningRecorder {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    // Sorted by originator id, so that selectAllEvents can page through every stream in key order.
    private final NavigableMap<UUID, NavigableMap<Long, StoredEvent>> streams = new TreeMap<>();

    @Override
    public List<Long> insertEvents(List<StoredEvent> events) {
        List<StoredEvent> batch = checkedBatch(events);
        writeLocked(() -> {
            checkVersionsAreFree(batch);
            storeEvents(batch);
            return null;
        });
        return List.of();
    }

    @Override
    public List<StoredEvent> selectEvents(UUID originatorId, EventSelection selection) {
        Objects.requireNonNull(originatorId, "originatorId");
        Objects.requireNonNull(selection, "selection");
        return readLocked(() -> select(streams.get(originatorId), selection));
    }

    /** {@inheritDoc} Any in-memory recorder: they all live in this JVM. */
    @Override
    public boolean joins(AggregateRecorder snapshots) {
        return Objects.requireNonNull(snapshots, "snapshots") instanceof InMemoryAggregateRecorder;
    }

    /**
     * {@inheritDoc} In memory the two selects cost nothing to run apart: the snapshot first, then
     * the events after it, which only ever grow, so they still continue the snapshot.
     */
    @Override
    public SnapshotAndEvents selectFromSnapshot(UUID originatorId, AggregateRecorder snapshots, Long upTo) {
        if (!joins(snapshots)) {
            throw new IllegalArgumentException("An in-memory recorder cannot read the snapshots of " + snapshots
                    + " together with its events");
        }
        return SnapshotAndEvents.selectSeparately(originatorId, snapshots, this, upTo);
    }

    /** {@inheritDoc} Originator ids are in {@link UUID#compareTo} order. */
    @Override
    public List<StoredEvent> selectAllEvents(EventKey after, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("The limit must not be negative, was " + limit);
        }
        return readLocked(() -> {
            List<StoredEvent> page = new ArrayList<>(Math.min(limit, 1000));
            var from = after == null ? streams : streams.tailMap(after.originatorId(), true);
            for (var stream : from.entrySet()) {
                var versions = after != null && stream.getKey().equals(after.originatorId())
                        ? stream.getValue().tailMap(after.originatorVersion(), false) : stream.getValue();
                for (StoredEvent event : versions.values()) {
                    if (page.size() == limit) {
                        return page;
                    }
                    page.add(event);
                }
            }
            return page;
        });
    }

    @Override
    public int replaceStates(List<StoredEvent> events) {
        List<StoredEvent> batch = checkedBatch(events);
        return writeLocked(() -> {
            int replaced = 0;
            for (StoredEvent event : batch) {
                NavigableMap<Long, StoredEvent> stream = streams.get(event.originatorId());
                StoredEvent stored = stream == null ? null : stream.get(event.originatorVersion());
                if (stored != null && stored.topic().equals(event.topic())) {
                    stream.put(event.originatorVersion(), event);
                    stateReplaced(event);
                    replaced++;
                }
            }
            return replaced;
        });
    }

    /** Called with the write lock held for each event whose state {@link #replaceStates} replaced. */
    void stateReplaced(StoredEvent event) {
    }

    private static List<StoredEvent> select(NavigableMap<Long, StoredEvent> stream, EventSelection selection) {
        Long gt = selection.gt();
        Long lte = selection.lte();
        // An empty range must be caught here: a TreeMap view rejects bounds that cross.
        if (stream == null || (gt != null && lte != null && lte <= gt)) {
            return List.of();
        }
        NavigableMap<Long, StoredEvent> range = stream;
        if (gt != null) {
            range = range.tailMap(gt, false);
        }
        if (lte != null) {
            range = range.headMap(lte, true);
        }
        if (selection.desc()) {
            range = range.descendingMap();
        }
        long limit = selection.limit() == null ? Long.MAX_VALUE : selection.limit();
        return range.values().stream().limit(limit).toList();
    }

    /** A defensive copy of a batch, rejecting a null list or a null event before anything is locked. */
    static List<StoredEvent> checkedBatch(List<StoredEvent> events) {
        Objects.requireNonNull(events, "events");
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) == null) {
                throw new NullPointerException("Event " + i + " of the batch is null");
            }
        }
        return List.copyOf(events);
    }

    /**
     * Rejects the batch when an event's version is taken, by a stored event or by an earlier
     * event of the batch. Call with the write lock held.
     */
    final void checkVersionsAreFree(List<StoredEvent> batch) {
        Set<Key> inBatch = new HashSet<>();
        for (StoredEvent event : batch) {
            NavigableMap<Long, StoredEvent> stream = streams.get(event.originatorId());
            if (stream != null && stream.containsKey(event.originatorVersion())) {
                throw new ConcurrencyConflictException(event.originatorId(), event.originatorVersion(), null);
            }
            if (!inBatch.add(new Key(event.originatorId(), event.originatorVersion()))) {
                throw new IntegrityException("The batch holds more than one event of " + event.originatorId()
                        + " at version " + event.originatorVersion());
            }
        }
    }

    /** Stores a batch that {@link #checkVersionsAreFree} accepted. Call with the write lock held. */
    final void storeEvents(List<StoredEvent> batch) {
        for (StoredEvent event : batch) {
            streams.computeIfAbsent(event.originatorId(), id -> new TreeMap<>()).put(event.originatorVersion(), event);
        }
    }

    final <T> T writeLocked(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    final <T> T readLocked(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private record Key(UUID originatorId, long originatorVersion) {
    }
}
