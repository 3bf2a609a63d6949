package dev.eventsourcing.persistence.inmemory;

import dev.eventsourcing.persistence.SubjectKey;
import dev.eventsourcing.persistence.SubjectKeyRecorder;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Subject keys in this JVM's memory. Thread-safe. */
public final class InMemorySubjectKeyRecorder implements SubjectKeyRecorder {

    // Sorted by subject, so that selectAll can page through them.
    private final ConcurrentNavigableMap<UUID, SubjectKey> keys = new ConcurrentSkipListMap<>();

    @Override
    public Optional<SubjectKey> select(UUID subject) {
        return Optional.ofNullable(keys.get(Objects.requireNonNull(subject, "subject")));
    }

    @Override
    public SubjectKey insertIfAbsent(UUID subject, byte[] wrappedKey) {
        SubjectKey key = SubjectKey.of(subject, wrappedKey);
        return keys.computeIfAbsent(subject, s -> key);
    }

    @Override
    public boolean shred(UUID subject, Instant at) {
        SubjectKey tombstone = SubjectKey.shredded(subject, at);
        SubjectKey before = keys.get(subject);
        while (before == null || !before.shredded()) {
            if (before == null ? keys.putIfAbsent(subject, tombstone) == null : keys.replace(subject, before, tombstone)) {
                return true;
            }
            before = keys.get(subject);
        }
        return false;
    }

    /** {@inheritDoc} Subjects are in {@link UUID#compareTo} order. */
    @Override
    public List<SubjectKey> selectAll(UUID after, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("The limit must not be negative, was " + limit);
        }
        return (after == null ? keys : keys.tailMap(after, false)).values().stream().limit(limit).toList();
    }

    @Override
    public boolean replaceWrappedKey(UUID subject, byte[] expected, byte[] rewrapped) {
        SubjectKey current = keys.get(Objects.requireNonNull(subject, "subject"));
        if (current == null || current.shredded() || !Arrays.equals(current.wrappedKey(), expected)) {
            return false;
        }
        return keys.replace(subject, current, SubjectKey.of(subject, rewrapped));
    }
}
