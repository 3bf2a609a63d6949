package dev.eventsourcing.persistence.inmemory;

import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.ParkedNotification;
import dev.eventsourcing.persistence.ParkingRecorder;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** Parked notifications in this JVM's memory. Thread-safe. */
public final class InMemoryParkingRecorder implements ParkingRecorder {

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::reader).thenComparing(Key::upstream)
            .thenComparingLong(Key::notificationId);

    private final Map<Key, ParkedNotification> rows = new TreeMap<>(ORDER);

    private record Key(String reader, String upstream, long notificationId) {
    }

    @Override
    public synchronized void park(ParkedNotification parked) {
        Key key = new Key(parked.reader(), parked.upstream(), parked.notificationId());
        ParkedNotification existing = rows.get(key);
        if (existing != null && !existing.parked()) {
            throw new IntegrityException("Notification " + parked.notificationId() + " of " + parked.upstream()
                    + " was " + existing.status() + " by " + parked.reader() + " already");
        }
        rows.put(key, parked);
    }

    @Override
    public synchronized boolean isParked(String reader, String upstream, UUID originatorId) {
        return rows.values().stream().anyMatch(p -> p.parked() && p.reader().equals(reader)
                && p.upstream().equals(upstream) && p.originatorId().equals(originatorId));
    }

    @Override
    public synchronized Set<UUID> parkedOriginators(String reader, String upstream) {
        return rows.values().stream()
                .filter(p -> p.parked() && p.reader().equals(reader) && p.upstream().equals(upstream))
                .map(ParkedNotification::originatorId)
                .collect(Collectors.toSet());
    }

    @Override
    public synchronized Optional<ParkedNotification> get(String reader, String upstream, long notificationId) {
        return Optional.ofNullable(rows.get(new Key(reader, upstream, notificationId)));
    }

    @Override
    public synchronized List<ParkedNotification> select(String reader, ParkedNotification.Status status, int limit) {
        return rows.values().stream()
                .filter(p -> reader == null || p.reader().equals(reader))
                .filter(p -> status == null || p.status() == status)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized void resolve(String reader, String upstream, long notificationId,
                                     ParkedNotification.Status resolution, Instant at) {
        if (resolution == ParkedNotification.Status.PARKED) {
            throw new IllegalArgumentException("A parked notification is resolved as RETRIED or SKIPPED, not PARKED");
        }
        Key key = new Key(reader, upstream, notificationId);
        ParkedNotification existing = rows.get(key);
        if (existing == null || !existing.parked()) {
            throw new IntegrityException("Notification " + notificationId + " of " + upstream + " is not parked by "
                    + reader + (existing == null ? "" : "; it was " + existing.status()));
        }
        rows.put(key, existing.resolved(resolution, Objects.requireNonNull(at, "at")));
    }
}
