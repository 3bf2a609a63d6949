package dev.eventsourcing.persistence.inmemory;

import dev.eventsourcing.persistence.SubjectKey;
import dev.eventsourcing.persistence.SubjectKeyRecorder;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Subject keys in this JVM's memory. Thread-safe. */
public final class InMemorySubjectKeyRecorder implements SubjectKeyRecorder {

    private final Map<UUID, SubjectKey> keys = new ConcurrentHashMap<>();

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
}
