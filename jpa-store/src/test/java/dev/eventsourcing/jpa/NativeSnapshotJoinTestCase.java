package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.eventsourcing.persistence.SnapshotAndEvents;
import dev.eventsourcing.persistence.StoredEvent;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The snapshot join as a native query, which the recorders take only when the provider gives no
 * connection of its transaction (so the contract suite, run on providers that give one, never
 * reaches it): it reads what the JDBC statement reads. Subclasses name the database.
 */
abstract class NativeSnapshotJoinTestCase {

    abstract TestDatabase database();

    private static StoredEvent event(UUID id, long version, String topic) {
        return new StoredEvent(id, version, topic, new byte[] {(byte) version, 2, 3});
    }

    private SnapshotAndEvents natively(String snapshots, String application, UUID id, Long upTo) {
        return database().transactions().inTransaction(em -> SnapshotJoin.selectNatively(em,
                SnapshotJoin.parameters(snapshots, application, id, upTo), new SnapshotJoin.Rows(id)).read());
    }

    private SnapshotAndEvents throughConnection(String snapshots, String application, UUID id, Long upTo) {
        return database().transactions().inTransaction(em -> SnapshotJoin.select(em, snapshots, application, id, upTo));
    }

    @Test
    void theNativeQueryReadsWhatTheStatementOnTheConnectionReads() {
        JpaApplicationRecorder events = database().applicationRecorder();
        JpaAggregateRecorder snapshots = database().aggregateRecorder();
        UUID id = UUID.randomUUID();
        events.insertEvents(Arrays.asList(event(id, 1, "e"), event(id, 2, "e"), event(id, 3, "e"), event(id, 4, "e")));
        snapshots.insertEvents(List.of(event(id, 2, "s")));

        for (Long upTo : Arrays.asList(null, 4L, 3L, 2L, 1L)) {
            assertEquals(throughConnection(snapshots.recorderName(), events.applicationName(), id, upTo),
                    natively(snapshots.recorderName(), events.applicationName(), id, upTo), "up to " + upTo);
        }
        SnapshotAndEvents latest = natively(snapshots.recorderName(), events.applicationName(), id, null);
        assertEquals(event(id, 2, "s"), latest.snapshot());
        assertEquals(List.of(event(id, 3, "e"), event(id, 4, "e")), latest.events());
        SnapshotAndEvents first = natively(snapshots.recorderName(), events.applicationName(), id, 1L);
        assertNull(first.snapshot());
        assertEquals(List.of(event(id, 1, "e")), first.events());
    }
}
