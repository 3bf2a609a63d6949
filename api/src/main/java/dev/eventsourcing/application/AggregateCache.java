package dev.eventsourcing.application;

import dev.eventsourcing.persistence.StoredEvent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A bounded least-recently-used cache of aggregates, kept as snapshots in stored form. Keeping
 * the mapped bytes rather than live objects means no caller can change a cached aggregate:
 * every hit makes a fresh instance.
 */
final class AggregateCache {

    private final Map<UUID, StoredEvent> entries;

    AggregateCache(int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("Cache size must be at least 1, was " + maxSize);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, StoredEvent> eldest) {
                return size() > maxSize;
            }
        };
    }

    synchronized StoredEvent get(UUID id) {
        return entries.get(id);
    }

    /** Keeps the snapshot unless a newer version of the same aggregate is cached already. */
    synchronized void put(StoredEvent snapshot) {
        entries.merge(snapshot.originatorId(), snapshot,
                (old, fresh) -> fresh.originatorVersion() >= old.originatorVersion() ? fresh : old);
    }

    synchronized void clear() {
        entries.clear();
    }

    synchronized int size() {
        return entries.size();
    }
}
