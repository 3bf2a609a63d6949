package dev.eventsourcing.benchmarks;

import dev.eventsourcing.persistence.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The events every contender stores: small JSON documents, as the mapper would make them. */
public final class Events {

    /** The topic of the benchmark's events. */
    public static final String TOPIC = "dev.eventsourcing.benchmarks.Account$Deposited";
    /** The topic of snapshots. */
    public static final String SNAPSHOT_TOPIC = "dev.eventsourcing.benchmarks.Account";
    /** The topic of the events a process application writes downstream. */
    public static final String PROCESSED_TOPIC = "dev.eventsourcing.benchmarks.Statement$Entered";

    /** About 110 bytes, a typical small domain event after JSON transcoding. */
    public static final byte[] STATE = ("{\"amount\":\"125.50\",\"currency\":\"EUR\",\"reference\":"
            + "\"invoice 2026-11-27/00042\",\"timestamp\":\"2026-11-27T17:37:00.123456Z\"}")
            .getBytes(StandardCharsets.UTF_8);

    private Events() {
    }

    /** One event of an aggregate at a version. */
    public static StoredEvent event(UUID originatorId, long version) {
        return new StoredEvent(originatorId, version, TOPIC, STATE);
    }

    /** The events of one aggregate from version {@code first}, {@code count} of them. */
    public static List<StoredEvent> batch(UUID originatorId, long first, int count) {
        List<StoredEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(event(originatorId, first + i));
        }
        return events;
    }

    /** A snapshot of an aggregate at a version. */
    public static StoredEvent snapshot(UUID originatorId, long version) {
        return new StoredEvent(originatorId, version, SNAPSHOT_TOPIC, STATE);
    }
}
