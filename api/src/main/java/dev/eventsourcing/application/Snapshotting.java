package dev.eventsourcing.application;

import dev.eventsourcing.Settings;
import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.DomainEvent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** When an application takes snapshots: per-class intervals from code, overridden by settings. */
final class Snapshotting {

    private final Map<Class<? extends Aggregate>, Integer> intervals;
    private final Settings settings;
    private final boolean enabled;
    // Resolved once per class: saves ask on every call, and settings are read once per
    // application everywhere else too.
    private final Map<Class<?>, Optional<Integer>> resolved = new ConcurrentHashMap<>();

    Snapshotting(Map<Class<? extends Aggregate>, Integer> intervals, Settings settings) {
        this.intervals = Map.copyOf(intervals);
        this.settings = settings;
        intervals.forEach((type, interval) -> requirePositive(type.getName(), interval));
        boolean anyInterval = !intervals.isEmpty() || settings.get(Settings.SNAPSHOTTING_INTERVAL).isPresent();
        settings.getInt(Settings.SNAPSHOTTING_INTERVAL).ifPresent(i -> requirePositive(Settings.SNAPSHOTTING_INTERVAL, i));
        this.enabled = settings.getBoolean(Settings.SNAPSHOTTING_ENABLED, anyInterval);
    }

    boolean enabled() {
        return enabled;
    }

    /** Whether one of the events just saved brought the aggregate to a multiple of its interval. */
    boolean isDue(Aggregate aggregate, List<DomainEvent<?>> saved) {
        Optional<Integer> interval = resolved.computeIfAbsent(aggregate.getClass(), this::intervalOf);
        if (interval.isEmpty()) {
            return false;
        }
        for (DomainEvent<?> event : saved) {
            if (event.originatorId().equals(aggregate.id()) && event.originatorVersion() % interval.get() == 0) {
                return true;
            }
        }
        return false;
    }

    private Optional<Integer> intervalOf(Class<?> type) {
        String key = Settings.SNAPSHOTTING_INTERVAL + ".";
        Optional<Integer> configured = settings.getInt(key + type.getName())
                .or(() -> settings.getInt(key + type.getSimpleName()));
        configured.ifPresent(i -> requirePositive(key + type.getName(), i));
        return configured
                .or(() -> Optional.ofNullable(intervals.get(type)))
                .or(() -> settings.getInt(Settings.SNAPSHOTTING_INTERVAL));
    }

    private static void requirePositive(String name, int interval) {
        if (interval < 1) {
            throw new dev.eventsourcing.ConfigurationException(
                    "Snapshotting interval '" + name + "' must be at least 1, was " + interval);
        }
    }
}
