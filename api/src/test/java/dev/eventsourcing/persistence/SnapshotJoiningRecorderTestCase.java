package dev.eventsourcing.persistence;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of every {@link SnapshotJoiningRecorder}: the latest snapshot up to a version and
 * the events after it, from the two recorders of one store, in one read; version bounds; other
 * aggregates and other recorders left out; and, while a writer stores events and snapshots of
 * them, events that always continue the snapshot they come with. A backend runs it by extending
 * this class and implementing {@link #createRecorder()} and {@link #createSnapshotRecorder}.
 *
 * @param <R> the recorder type under test
 */
public abstract class SnapshotJoiningRecorderTestCase<R extends SnapshotJoiningRecorder> {

    private static final UUID ID1 = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID ID2 = UUID.fromString("00000000-0000-4000-8000-000000000002");

    /** A new, empty recorder of events; called once or twice per test. */
    protected abstract R createRecorder();

    /** A new, empty recorder of snapshots in the same store as {@code events}, which it joins. */
    protected abstract AggregateRecorder createSnapshotRecorder(R events);

    /** How long the concurrency test may take before it fails. */
    protected Duration concurrencyTimeout() {
        return Duration.ofSeconds(60);
    }

    private static StoredEvent event(UUID originatorId, long version) {
        return new StoredEvent(originatorId, version, "Event", ("event " + version).getBytes(StandardCharsets.UTF_8));
    }

    private static StoredEvent snapshot(UUID originatorId, long version) {
        return new StoredEvent(originatorId, version, "Snapshot", ("snapshot " + version).getBytes(StandardCharsets.UTF_8));
    }

    private static List<StoredEvent> events(UUID originatorId, long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(version -> event(originatorId, version)).toList();
    }

    private static List<Long> versions(SnapshotAndEvents read) {
        return read.events().stream().map(StoredEvent::originatorVersion).toList();
    }

    @Test
    void aRecorderJoinsTheSnapshotsOfItsOwnStore() {
        R recorder = createRecorder();

        assertTrue(recorder.joins(createSnapshotRecorder(recorder)));
    }

    @Test
    void withoutASnapshotEveryEventIsSelected() {
        R recorder = createRecorder();
        AggregateRecorder snapshots = createSnapshotRecorder(recorder);
        recorder.insertEvents(events(ID1, 1, 3));

        SnapshotAndEvents read = recorder.selectFromSnapshot(ID1, snapshots, null);

        assertNull(read.snapshot());
        assertEquals(events(ID1, 1, 3), read.events());
    }

    @Test
    void theLatestSnapshotComesWithTheEventsAfterIt() {
        R recorder = createRecorder();
        AggregateRecorder snapshots = createSnapshotRecorder(recorder);
        recorder.insertEvents(events(ID1, 1, 5));
        snapshots.insertEvents(List.of(snapshot(ID1, 2)));
        snapshots.insertEvents(List.of(snapshot(ID1, 4)));

        SnapshotAndEvents read = recorder.selectFromSnapshot(ID1, snapshots, null);

        assertEquals(snapshot(ID1, 4), read.snapshot());
        assertEquals("Snapshot", read.snapshot().topic());
        assertArrayEquals("snapshot 4".getBytes(StandardCharsets.UTF_8), read.snapshot().state());
        assertEquals(List.of(event(ID1, 5)), read.events());
    }

    @Test
    void aSnapshotOfTheLatestVersionComesWithNoEvents() {
        R recorder = createRecorder();
        AggregateRecorder snapshots = createSnapshotRecorder(recorder);
        recorder.insertEvents(events(ID1, 1, 3));
        snapshots.insertEvents(List.of(snapshot(ID1, 3)));

        SnapshotAndEvents read = recorder.selectFromSnapshot(ID1, snapshots, null);

        assertEquals(snapshot(ID1, 3), read.snapshot());
        assertEquals(List.of(), read.events());
    }

    @Test
    void theEventsAfterTheSnapshotComeInVersionOrder() {
        R recorder = createRecorder();
        AggregateRecorder snapshots = createSnapshotRecorder(recorder);
        recorder.insertEvents(events(ID1, 1, 10));
        snapshots.insertEvents(List.of(snapshot(ID1, 10)));
        recorder.insertEvents(events(ID1, 11, 260));

        SnapshotAndEvents read = recorder.selectFromSnapshot(ID1, snapshots, null);

        assertEquals(snapshot(ID1, 10), read.snapshot());
        assertEquals(events(ID1, 11, 260), read.events());
    }

    @Test
    void theBoundLimitsTheSnapshotAndTheEvents() {
        R recorder = createRecorder();
        AggregateRecorder snapshots = createSnapshotRecorder(recorder);
        recorder.insertEvents(events(ID1, 1, 6));
        snapshots.insertEvents(List.of(snapshot(ID1, 2), snapshot(ID1, 4)));

        SnapshotAndEvents upTo1 = recorder.selectFromSnapshot(ID1, snapshots, 1L);
        SnapshotAndEvents upTo3 = recorder.selectFromSnapshot(ID1, snapshots, 3L);
        SnapshotAndEvents upTo4 = recorder.selectFromSnapshot(ID1, snapshots, 4L);
        SnapshotAndEvents upTo5 = recorder.selectFromSnapshot(ID1, snapshots, 5L);

        assertNull(upTo1.snapshot());
        assertEquals(List.of(1L), versions(upTo1));
        assertEquals(snapshot(ID1, 2), upTo3.snapshot());
        assertEquals(List.of(3L), versions(upTo3));
        assertEquals(snapshot(ID1, 4), upTo4.snapshot());
        assertEquals(List.of(), versions(upTo4));
        assertEquals(snapshot(ID1, 4), upTo5.snapshot());
        assertEquals(List.of(5L), versions(upTo5));
    }

    @Test
    void versionsFromZeroAndTheHighestVersionAreSelected() {
        R recorder = createRecorder();
        AggregateRecorder snapshots = createSnapshotRecorder(recorder);
        recorder.insertEvents(List.of(event(ID1, 0), event(ID1, 1), event(ID2, 1)));
        snapshots.insertEvents(List.of(snapshot(ID2, Long.MAX_VALUE)));

        SnapshotAndEvents withoutSnapshot = recorder.selectFromSnapshot(ID1, snapshots, null);
        SnapshotAndEvents atTheEnd = recorder.selectFromSnapshot(ID2, snapshots, null);

        assertNull(withoutSnapshot.snapshot());
        assertEquals(List.of(0L, 1L), versions(withoutSnapshot));
        assertEquals(snapshot(ID2, Long.MAX_VALUE), atTheEnd.snapshot());
        assertEquals(List.of(), versions(atTheEnd));
    }

    @Test
    void otherAggregatesAndOtherRecordersAreLeftOut() {
        R recorder = createRecorder();
        AggregateRecorder snapshots = createSnapshotRecorder(recorder);
        R otherRecorder = createRecorder();
        AggregateRecorder otherSnapshots = createSnapshotRecorder(otherRecorder);
        recorder.insertEvents(events(ID1, 1, 3));
        recorder.insertEvents(events(ID2, 1, 9));
        snapshots.insertEvents(List.of(snapshot(ID2, 8)));
        otherRecorder.insertEvents(events(ID1, 1, 9));
        otherSnapshots.insertEvents(List.of(snapshot(ID1, 5)));

        SnapshotAndEvents read = recorder.selectFromSnapshot(ID1, snapshots, null);
        SnapshotAndEvents unknown = recorder.selectFromSnapshot(UUID.randomUUID(), snapshots, null);

        assertNull(read.snapshot());
        assertEquals(events(ID1, 1, 3), read.events());
        assertNull(unknown.snapshot());
        assertEquals(List.of(), unknown.events());
    }

    @Test
    void snapshotsOfAnotherKindOfRecorderAreRefused() {
        R recorder = createRecorder();
        AggregateRecorder foreign = new ForeignRecorder();

        assertFalse(recorder.joins(foreign));
        assertThrows(IllegalArgumentException.class, () -> recorder.selectFromSnapshot(ID1, foreign, null));
    }

    @Test
    void whileAWriterStoresEventsAndSnapshotsTheEventsAlwaysContinueTheSnapshot() {
        R recorder = createRecorder();
        AggregateRecorder snapshots = createSnapshotRecorder(recorder);
        int versions = 200;
        List<String> gaps = Concurrently.run(3, concurrencyTimeout(), thread -> {
            List<String> found = new ArrayList<>();
            if (thread == 0) {
                for (long version = 1; version <= versions; version++) {
                    recorder.insertEvents(List.of(event(ID1, version)));
                    if (version % 3 == 0) {
                        snapshots.insertEvents(List.of(snapshot(ID1, version)));
                    }
                }
                return found;
            }
            long seen = 0;
            while (seen < versions) {
                SnapshotAndEvents read = recorder.selectFromSnapshot(ID1, snapshots, null);
                long next = read.snapshot() == null ? 1 : read.snapshot().originatorVersion() + 1;
                for (StoredEvent event : read.events()) {
                    if (event.originatorVersion() != next) {
                        found.add("expected version " + next + ", read " + versions(read) + " after " + read.snapshot());
                    }
                    next = event.originatorVersion() + 1;
                }
                seen = next - 1;
            }
            return found;
        }).stream().flatMap(List::stream).toList();

        assertEquals(List.of(), gaps);
    }

    /** A recorder of no store that a backend could join. */
    private static final class ForeignRecorder implements AggregateRecorder {

        @Override
        public List<Long> insertEvents(List<StoredEvent> events) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<StoredEvent> selectEvents(UUID originatorId, EventSelection selection) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<StoredEvent> selectAllEvents(EventKey after, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int replaceStates(List<StoredEvent> events) {
            throw new UnsupportedOperationException();
        }
    }
}
