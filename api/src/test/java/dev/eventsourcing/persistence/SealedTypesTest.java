package dev.eventsourcing.persistence;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;
import dev.eventsourcing.domain.Aggregates;
import dev.eventsourcing.domain.DomainEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SealedTypesTest {

    sealed interface Location permits InDepot, InTransit, Delivered {
    }

    record InDepot(String depot) implements Location {
    }

    record InTransit(String vehicle, Instant since) implements Location {
    }

    sealed interface Delivered extends Location permits Delivered.ToDoor, Delivered.ToLocker {
        record ToDoor(String signedBy) implements Delivered {
        }

        record ToLocker(int locker) implements Delivered {
        }
    }

    static class Parcel extends Aggregate {
        private Location location;
        private final List<Location> history = new ArrayList<>();

        Parcel() {
        }

        static Parcel receive(String depot) {
            return create(Parcel::new, new Moved(new InDepot(depot)));
        }

        void move(Location to) {
            trigger(new Moved(to));
        }

        record Moved(Location to) implements AggregateEvent<Parcel> {
            public void apply(Parcel p) {
                p.location = to;
                p.history.add(to);
            }
        }
    }

    private final Mapper mapper = Mapper.builder().declare(Parcel.class).build();

    @Test
    void eventsWithAComponentOfASealedTypeRoundTripWithTheSubtypesName() {
        DomainEvent<Parcel.Moved> event = new DomainEvent<>(Aggregate_ID, 2, Instant.parse("2026-01-01T00:00:00Z"),
                new Parcel.Moved(new InTransit("van 7", Instant.parse("2026-01-01T00:00:00Z"))));
        StoredEvent stored = mapper.toStoredEvent(event);
        String state = new String(stored.state(), StandardCharsets.UTF_8);
        assertTrue(state.contains("{\"to\":{\"@type\":\"SealedTypesTest$InTransit\",\"vehicle\":\"van 7\""), state);
        assertEquals(event, mapper.toDomainEvent(stored));
    }

    @Test
    void snapshotsWithFieldsOfSealedTypesRoundTripThroughNestedSealedHierarchies() {
        Parcel parcel = Parcel.receive("North");
        parcel.move(new InTransit("van 7", Instant.parse("2026-01-01T00:00:00Z")));
        parcel.move(new Delivered.ToLocker(12));
        parcel.collectEvents();
        Parcel restored = (Parcel) mapper.toDomainEvent(mapper.toStoredEvent(Aggregates.snapshotOf(parcel))).payload();
        assertEquals(new Delivered.ToLocker(12), restored.location);
        assertEquals(parcel.history, restored.history);
        assertEquals(3, restored.version());
    }

    @Test
    void aTypeNameOutsideTheSealedHierarchyIsRejected() {
        String state = "{\"t\":\"2026-01-01T00:00:00Z\",\"d\":{\"to\":{\"@type\":\"java.lang.ProcessBuilder\"}}}";
        StoredEvent stored = new StoredEvent(Aggregate_ID, 2, Parcel.Moved.class.getName(), state.getBytes(StandardCharsets.UTF_8));
        UndecodableStateException e = assertThrows(UndecodableStateException.class, () -> mapper.toDomainEvent(stored));
        assertTrue(e.getMessage().contains("java.lang.ProcessBuilder"), e.getMessage());
    }

    private static final java.util.UUID Aggregate_ID = java.util.UUID.fromString("3e9b0c1d-4a5f-4b6e-8c7d-9e0f1a2b3c4d");
}
