package dev.eventsourcing.persistence;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of every {@link AggregateRecorder}: round trips, every {@link EventSelection}
 * option, atomic batches and optimistic concurrency. A backend runs it by extending this class
 * and implementing {@link #createRecorder()}, which must return a new, empty recorder:
 *
 * <pre>{@code
 * class JpaAggregateRecorderTest extends AggregateRecorderTestCase<JpaAggregateRecorder> {
 *     protected JpaAggregateRecorder createRecorder() { return ...; }
 * }
 * }</pre>
 *
 * <p>The other suites work the same way and build on each other along the recorder ladder:
 * {@link ApplicationRecorderTestCase} includes this one and {@link ProcessRecorderTestCase}
 * includes both; {@link TrackingRecorderTestCase} stands alone. The protected {@code int}
 * methods size the concurrency tests (their defaults are the reference library's sizes) and
 * may be overridden by a slow backend. No test is skipped.
 *
 * @param <R> the recorder type under test
 */
public abstract class AggregateRecorderTestCase<R extends AggregateRecorder> {

    protected static final UUID ID1 = UUID.fromString("00000000-0000-4000-8000-000000000001");
    protected static final UUID ID2 = UUID.fromString("00000000-0000-4000-8000-000000000002");
    protected static final UUID ID3 = UUID.fromString("00000000-0000-4000-8000-000000000003");

    /** A new, empty recorder; called once or twice per test. */
    protected abstract R createRecorder();

    /** How many writers race for the same versions (or tracking position) in the conflict tests. */
    protected int conflictingWriters() {
        return 8;
    }

    /** How long a whole concurrency test may take before it fails. */
    protected Duration concurrencyTimeout() {
        return Duration.ofSeconds(60);
    }

    /** A stored event with UTF-8 state, for brevity. */
    protected static StoredEvent event(UUID originatorId, long version, String topic, String state) {
        return new StoredEvent(originatorId, version, topic, state.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void insertingAnEmptyBatchStoresNothingAndReturnsNoIds() {
        R recorder = createRecorder();

        assertEquals(List.of(), recorder.insertEvents(List.of()));
        assertEquals(List.of(), recorder.selectEvents(ID1, EventSelection.all().descending().limit(1)));
    }

    @Test
    void anInsertedEventIsSelectedWithItsTopicAndState() {
        R recorder = createRecorder();
        StoredEvent e1 = event(ID1, 1, "topic1", "state1");

        recorder.insertEvents(List.of(e1));

        List<StoredEvent> selected = recorder.selectEvents(ID1);
        assertEquals(List.of(e1), selected);
        assertEquals(ID1, selected.get(0).originatorId());
        assertEquals(1, selected.get(0).originatorVersion());
        assertEquals("topic1", selected.get(0).topic());
        assertArrayEquals("state1".getBytes(StandardCharsets.UTF_8), selected.get(0).state());
    }

    @Test
    void reinsertingAStoredVersionFailsWithAConflictNamingIt() {
        R recorder = createRecorder();
        recorder.insertEvents(List.of(event(ID1, 1, "topic1", "state1")));

        ConcurrencyConflictException conflict = assertThrows(ConcurrencyConflictException.class,
                () -> recorder.insertEvents(List.of(event(ID1, 1, "topic1", "other state"))));

        assertEquals(ID1, conflict.originatorId());
        assertEquals(1, conflict.originatorVersion());
        assertEquals(List.of(event(ID1, 1, "topic1", "state1")), recorder.selectEvents(ID1));
    }

    @Test
    void aBatchWithOneTakenVersionStoresNothing() {
        R recorder = createRecorder();
        StoredEvent e1 = event(ID1, 1, "topic1", "state1");
        recorder.insertEvents(List.of(e1));

        ConcurrencyConflictException conflict = assertThrows(ConcurrencyConflictException.class,
                () -> recorder.insertEvents(List.of(e1, event(ID1, 2, "topic2", "state2"), event(ID2, 1, "topic1", "x"))));

        assertEquals(ID1, conflict.originatorId());
        assertEquals(1, conflict.originatorVersion());
        assertEquals(List.of(e1), recorder.selectEvents(ID1));
        assertEquals(List.of(), recorder.selectEvents(ID2));
    }

    @Test
    void aBatchThatRepeatsAVersionStoresNothing() {
        R recorder = createRecorder();
        StoredEvent e1 = event(ID1, 1, "topic1", "state1");
        recorder.insertEvents(List.of(e1));
        StoredEvent e2 = event(ID1, 2, "topic2", "state2");

        assertThrows(IntegrityException.class, () -> recorder.insertEvents(List.of(e2, e2)));

        assertEquals(List.of(e1), recorder.selectEvents(ID1));
    }

    @Test
    void aBatchWithANullEventIsRejectedAndStoresNothing() {
        R recorder = createRecorder();
        List<StoredEvent> batch = Arrays.asList(event(ID1, 1, "topic1", "state1"), null);

        assertThrows(NullPointerException.class, () -> recorder.insertEvents(batch));

        assertEquals(List.of(), recorder.selectEvents(ID1));
    }

    @Test
    void selectEventsHonoursEveryOptionOfTheSelection() {
        R recorder = createRecorder();
        StoredEvent e1 = event(ID1, 1, "topic1", "state1");
        StoredEvent e2 = event(ID1, 2, "topic2", "state2");
        StoredEvent e3 = event(ID1, 3, "topic3", "state3");
        recorder.insertEvents(List.of(e1));
        recorder.insertEvents(List.of(e2, e3));

        assertEquals(List.of(e1, e2, e3), recorder.selectEvents(ID1));
        assertEquals(List.of(e1, e2, e3), recorder.selectEvents(ID1, EventSelection.all()));
        assertEquals(List.of(e3), recorder.selectEvents(ID1, EventSelection.all().descending().limit(1)));
        assertEquals(List.of(e2), recorder.selectEvents(ID1, EventSelection.all().upTo(2).descending().limit(1)));
        assertEquals(List.of(e2), recorder.selectEvents(ID1, EventSelection.all().after(1).upTo(2)));
        assertEquals(List.of(e2, e3), recorder.selectEvents(ID1, EventSelection.all().after(1)));
        assertEquals(List.of(e1, e2), recorder.selectEvents(ID1, EventSelection.all().upTo(2)));
        assertEquals(List.of(e1, e2), recorder.selectEvents(ID1, EventSelection.all().limit(2)));
        assertEquals(List.of(e3, e2, e1), recorder.selectEvents(ID1, EventSelection.all().descending()));
        assertEquals(List.of(e3, e2), recorder.selectEvents(ID1, EventSelection.all().after(1).descending()));
        assertEquals(List.of(e2), recorder.selectEvents(ID1, EventSelection.all().after(1).limit(1)));
        assertEquals(List.of(), recorder.selectEvents(ID1, EventSelection.all().limit(0)));
        assertEquals(List.of(), recorder.selectEvents(ID1, EventSelection.all().after(3)));
        assertEquals(List.of(), recorder.selectEvents(ID1, EventSelection.all().after(2).upTo(2)));
        assertEquals(List.of(), recorder.selectEvents(ID1, EventSelection.all().after(3).upTo(1)));
        assertEquals(List.of(), recorder.selectEvents(ID2));
    }

    @Test
    void versionZeroIsAcceptedForANewOriginator() {
        R recorder = createRecorder();
        StoredEvent e0 = event(ID3, 0, "topic0", "state0");

        recorder.insertEvents(List.of(e0));

        assertEquals(List.of(e0), recorder.selectEvents(ID3));
    }

    @Test
    void theEventsOfEachOriginatorAreKeptApart() {
        R recorder = createRecorder();
        StoredEvent a1 = event(ID1, 1, "topic", "a1");
        StoredEvent b1 = event(ID2, 1, "topic", "b1");
        StoredEvent a2 = event(ID1, 2, "topic", "a2");

        recorder.insertEvents(List.of(a1, b1, a2));

        assertEquals(List.of(a1, a2), recorder.selectEvents(ID1));
        assertEquals(List.of(b1), recorder.selectEvents(ID2));
    }

    @Test
    void stateOfEveryByteValueAndOfAnySizeRoundTripsUnchanged() {
        R recorder = createRecorder();
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        byte[] large = new byte[100_000];  // larger than a 64 KiB BLOB
        new java.util.Random(42).nextBytes(large);
        List<StoredEvent> events = List.of(
                new StoredEvent(ID1, 1, "bytes", everyByte),
                new StoredEvent(ID1, 2, "large", large),
                new StoredEvent(ID1, 3, "empty", new byte[0]));

        recorder.insertEvents(events);

        assertEquals(events, recorder.selectEvents(ID1));
    }

    @Test
    void selectAllEventsPagesThroughEveryOriginatorInKeyOrder() {
        R recorder = createRecorder();
        List<StoredEvent> events = new ArrayList<>();
        for (UUID id : List.of(ID1, ID2, ID3, UUID.randomUUID(), UUID.randomUUID(),
                UUID.fromString("ffffffff-0000-4000-8000-000000000000"), UUID.fromString("7fffffff-0000-4000-8000-000000000000"))) {
            for (long version = 1; version <= 3; version++) {
                events.add(event(id, version, "topic", id + "@" + version));
            }
        }
        recorder.insertEvents(events);

        List<StoredEvent> pages = new ArrayList<>();
        List<StoredEvent> page = recorder.selectAllEvents(null, 2);
        while (!page.isEmpty()) {
            assertTrue(page.size() <= 2, "a page holds at most the limit");
            pages.addAll(page);
            page = recorder.selectAllEvents(EventKey.of(page.get(page.size() - 1)), 2);
        }

        assertEquals(events.size(), pages.size());
        assertEquals(new java.util.HashSet<>(events), new java.util.HashSet<>(pages));
        for (int i = 0; i < pages.size(); i += 3) {
            UUID id = pages.get(i).originatorId();
            assertEquals(List.of(1L, 2L, 3L), pages.subList(i, i + 3).stream()
                    .map(e -> id.equals(e.originatorId()) ? e.originatorVersion() : -1).toList(),
                    "an originator's events are together, by version");
        }
        assertEquals(pages, recorder.selectAllEvents(null, events.size() + 1), "the same order in one page");
        assertEquals(List.of(), recorder.selectAllEvents(null, 0));
        assertThrows(IllegalArgumentException.class, () -> recorder.selectAllEvents(null, -1));
    }

    @Test
    void selectAllEventsOfAnEmptyRecorderIsEmpty() {
        assertEquals(List.of(), createRecorder().selectAllEvents(null, 10));
        assertEquals(List.of(), createRecorder().selectAllEvents(new EventKey(ID1, 1), 10));
    }

    @Test
    void replaceStatesChangesOnlyTheStatesOfTheStoredEventsNamed() {
        R recorder = createRecorder();
        StoredEvent a1 = event(ID1, 1, "topic1", "a1");
        StoredEvent a2 = event(ID1, 2, "topic2", "a2");
        StoredEvent b1 = event(ID2, 1, "topic1", "b1");
        recorder.insertEvents(List.of(a1, a2, b1));
        StoredEvent newA1 = event(ID1, 1, "topic1", "a1, again");
        StoredEvent newB1 = new StoredEvent(ID2, 1, "topic1", new byte[100_000]);

        assertEquals(2, recorder.replaceStates(List.of(newA1, newB1)));

        assertEquals(List.of(newA1, a2), recorder.selectEvents(ID1));
        assertEquals(List.of(newB1), recorder.selectEvents(ID2));
        assertEquals(0, recorder.replaceStates(List.of()));
    }

    @Test
    void replaceStatesLeavesEventsThatAreNotStoredUnderThatTopicAlone() {
        R recorder = createRecorder();
        StoredEvent a1 = event(ID1, 1, "topic1", "a1");
        recorder.insertEvents(List.of(a1));

        assertEquals(0, recorder.replaceStates(List.of(event(ID1, 1, "topic2", "x"), event(ID1, 2, "topic1", "x"),
                event(ID3, 1, "topic1", "x"))));

        assertEquals(List.of(a1), recorder.selectEvents(ID1));
        assertEquals(List.of(), recorder.selectEvents(ID3));
        assertEquals(List.of(a1), recorder.selectAllEvents(null, 10));
        assertThrows(NullPointerException.class, () -> recorder.replaceStates(java.util.Arrays.asList(a1, null)));
    }

    @Test
    void topicsWithNonAsciiCharactersRoundTripUnchanged() {
        R recorder = createRecorder();
        StoredEvent event = event(ID1, 1, "café.Événement$Créé#ß", "{}");

        recorder.insertEvents(List.of(event));

        assertEquals(List.of(event), recorder.selectEvents(ID1));
    }

    @Test
    void writersRacingForTheSameVersionsLeaveOneWinnerAndNoPartialBatch() {
        R recorder = createRecorder();
        int writers = conflictingWriters();

        List<Boolean> won = Concurrently.run(writers, concurrencyTimeout(), writer -> {
            List<StoredEvent> batch = LongStream.rangeClosed(1, 10)
                    .mapToObj(version -> event(ID1, version, "writer-" + writer, "state"))
                    .toList();
            try {
                recorder.insertEvents(batch);
                return true;
            } catch (IntegrityException expected) {
                return false;
            }
        });

        assertEquals(1, won.stream().filter(w -> w).count(), "writers that succeeded");
        String winner = "writer-" + won.indexOf(true);
        List<StoredEvent> stored = recorder.selectEvents(ID1);
        assertEquals(10, stored.size());
        assertTrue(stored.stream().allMatch(e -> e.topic().equals(winner)), "only the winner's events are stored");
    }

    /** The ids of notifications, for compact assertions. */
    protected static List<Long> ids(List<Notification> notifications) {
        List<Long> ids = new ArrayList<>(notifications.size());
        notifications.forEach(n -> ids.add(n.id()));
        return ids;
    }

    /** A batch of {@code size} events of one originator, versions 0 to size - 1. */
    protected static List<StoredEvent> batch(UUID originatorId, int size, String topic) {
        return IntStream.range(0, size).mapToObj(v -> event(originatorId, v, topic, "{}")).toList();
    }
}
