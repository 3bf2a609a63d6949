package dev.eventsourcing.dcb;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What every {@link DcbRecorder} does on one thread, checked as the reference library checks it:
 * reads of an empty store, round trips, every filter on a small store, the conditions that fail
 * and those that pass, and the course-subscription scenario. Part of {@link DcbRecorderTestCase};
 * extend that class, not this one.
 *
 * @param <R> the recorder type under test
 */
public abstract class DcbRecorderReferenceTestCase<R extends DcbRecorder> {

    /**
     * A recorder on an empty store; called at the start of each test.
     *
     * @return the recorder
     */
    protected abstract R createRecorder();

    /**
     * A new recorder on the store of the given one, as an application has after a restart. A
     * backend whose store lives only in its recorder returns the recorder itself.
     *
     * @param recorder a recorder that {@link #createRecorder()} made
     * @return a recorder on the same store
     */
    protected abstract R reopen(R recorder);

    /** An event with UTF-8 data and a new id. */
    protected static DcbEvent event(String type, String data, String... tags) {
        return DcbEvent.of(type, data.getBytes(StandardCharsets.UTF_8), Set.of(tags));
    }

    /** A query of the given items. */
    protected static DcbQuery query(DcbQueryItem... items) {
        return DcbQuery.of(items);
    }

    /** An item of one or more types, written "type1,type2", and the given tags. */
    protected static DcbQueryItem item(String types, String... tags) {
        List<String> typeList = types.isEmpty() ? List.of() : Arrays.asList(types.split(","));
        return DcbQueryItem.of(typeList, List.of(tags));
    }

    /** The UTF-8 data of the events, in order. */
    protected static List<String> data(DcbReadResponse response) {
        return response.events().stream().map(e -> new String(e.event().data(), StandardCharsets.UTF_8)).toList();
    }

    /** The positions of the events, in order. */
    protected static List<Long> positions(DcbReadResponse response) {
        return response.events().stream().map(DcbSequencedEvent::position).toList();
    }

    /** A condition of the given query and position. */
    protected static DcbAppendCondition failIf(DcbQuery query, long after) {
        return new DcbAppendCondition(query, after);
    }

    @Test
    void anEmptyStoreReturnsNothingAndHasNoHead() {
        R recorder = createRecorder();

        DcbReadResponse read = recorder.read(DcbQuery.all(), 0);

        assertEquals(List.of(), read.events());
        assertEquals(OptionalLong.empty(), read.head());
        assertEquals(OptionalLong.empty(), recorder.head());
        assertEquals(OptionalLong.empty(), recorder.read(DcbQuery.all(), 0, 10).head());
    }

    @Test
    void oneAppendedEventRoundTripsAndLimitsAndPositionsShapeTheRead() {
        R recorder = createRecorder();
        UUID id = UUID.randomUUID();
        Map<String, String> metadata = Map.of("correlation_id", "c-1", "causation_id", "c-0");
        byte[] data = {0, 1, 2, (byte) 255};

        assertEquals(1, recorder.append(List.of(new DcbEvent("type1", data, Set.of("X"), id, metadata))));

        DcbReadResponse all = recorder.read(DcbQuery.all(), 0);
        assertEquals(1, all.events().size());
        DcbSequencedEvent read = all.events().get(0);
        assertEquals(1, read.position());
        assertEquals(id, read.event().id());
        assertArrayEquals(data, read.event().data());
        assertEquals(metadata, read.event().metadata());
        assertEquals("type1", read.event().type());
        assertEquals(Set.of("X"), read.event().tags());
        assertEquals(OptionalLong.of(1), all.head());
        assertEquals(OptionalLong.of(1), recorder.head());

        DcbReadResponse afterIt = recorder.read(DcbQuery.all(), 1);
        assertEquals(List.of(), afterIt.events());
        assertEquals(OptionalLong.of(1), afterIt.head());
        DcbReadResponse limitOne = recorder.read(DcbQuery.all(), 0, 1);
        assertEquals(List.of(1L), positions(limitOne));
        assertEquals(OptionalLong.of(1), limitOne.head());
        DcbReadResponse limitZero = recorder.read(DcbQuery.all(), 0, 0);
        assertEquals(List.of(), limitZero.events());
        assertEquals(OptionalLong.empty(), limitZero.head());
    }

    @Test
    void typesAndTagsFilterOneEventAndTheHeadStaysAtIt() {
        R recorder = createRecorder();
        recorder.append(List.of(event("type1", "e1", "X")));

        Map<DcbQuery, Integer> expected = Map.of(
                query(item("type1")), 1, query(item("type2")), 0,
                query(item("", "X")), 1, query(item("", "Y")), 0,
                query(item("type1", "X")), 1, query(item("type1", "Y")), 0, query(item("type2", "X")), 0);
        expected.forEach((query, count) -> {
            DcbReadResponse read = recorder.read(query, 0);
            assertEquals(count, read.events().size(), query.toString());
            assertEquals(OptionalLong.of(1), read.head(), query.toString());
        });
    }

    /** The store of the reference's tests: type1 tagged X, then type2 tagged A, B and type3 tagged A, C. */
    protected final R threeEvents() {
        R recorder = createRecorder();
        assertEquals(1, recorder.append(List.of(event("type1", "e1", "X"))));
        assertEquals(3, recorder.append(List.of(event("type2", "e2", "A", "B"), event("type3", "e3", "A", "C"))));
        return recorder;
    }

    @Test
    void aBatchTakesConsecutivePositionsAndEveryQueryShapeSelectsItsEventsInOrder() {
        R recorder = threeEvents();

        assertEquals(List.of("e1", "e2", "e3"), data(recorder.read(DcbQuery.all(), 0)));
        assertEquals(List.of(1L, 2L, 3L), positions(recorder.read(DcbQuery.all(), 0)));
        assertEquals(List.of("e2", "e3"), data(recorder.read(DcbQuery.all(), 1)));
        assertEquals(List.of("e3"), data(recorder.read(DcbQuery.all(), 2)));
        DcbReadResponse page = recorder.read(DcbQuery.all(), 1, 1);
        assertEquals(List.of("e2"), data(page));
        assertEquals(OptionalLong.of(2), page.head());
        assertEquals(List.of("e2", "e3"), data(recorder.read(query(item("", "A")), 0)));
        assertEquals(List.of("e2"), data(recorder.read(query(item("", "A", "B")), 0)));
        assertEquals(List.of("e2", "e3"), data(recorder.read(query(item("", "B"), item("", "C")), 0)));
        assertEquals(List.of("e1"), data(recorder.read(query(item("", "X"), item("", "Y")), 0)));
        assertEquals(List.of("e2"), data(recorder.read(query(item("type2", "A")), 0)));
        assertEquals(List.of(), data(recorder.read(query(item("type2", "A")), 2)));
        assertEquals(List.of("e2", "e3"), data(recorder.read(query(item("type2", "B"), item("type3", "C")), 0)));
        assertEquals(List.of("e2", "e3"), data(recorder.read(query(item("type3", "C"), item("type2", "B")), 0)));
        assertEquals(OptionalLong.of(3), recorder.read(query(item("type9")), 0).head());
    }

    @Test
    void everyConditionMatchingAStoredEventAfterItsPositionFailsAndStoresNothing() {
        R recorder = threeEvents();
        List<DcbAppendCondition> failing = List.of(
                failIf(DcbQuery.all(), 0), failIf(DcbQuery.all(), 1),
                failIf(query(item("type1")), 0), failIf(query(item("type2")), 1),
                failIf(query(item("", "X")), 0), failIf(query(item("", "A")), 1),
                failIf(query(item("type1", "X")), 0), failIf(query(item("type2", "A")), 1),
                failIf(query(item("", "A", "B")), 0), failIf(query(item("", "B"), item("", "C")), 0),
                failIf(query(item("", "X"), item("", "Y")), 0),
                failIf(query(item("type2", "B"), item("type3", "C")), 0));

        for (DcbAppendCondition condition : failing) {
            DcbConditionFailedException failed = assertThrows(DcbConditionFailedException.class,
                    () -> recorder.append(List.of(event("type4", "refused", "Z")), condition), condition.toString());
            assertEquals(condition, failed.condition());
        }

        assertEquals(OptionalLong.of(3), recorder.head());
        assertEquals(List.of("e1", "e2", "e3"), data(recorder.read(DcbQuery.all(), 0)));
    }

    @Test
    void everyConditionThatNoEventAfterItsPositionMatchesLetsTheAppendThrough() {
        R recorder = threeEvents();

        assertEquals(4, recorder.append(List.of(event("type4", "e4", "Z"))));
        assertEquals(5, recorder.append(List.of(event("type4", "e5", "Z")), failIf(query(item("type9")), 0)));
        assertEquals(6, recorder.append(List.of(event("type4", "e6", "Z")), failIf(query(item("", "Y")), 0)));
        assertEquals(7, recorder.append(List.of(event("type4", "e7", "Z")), failIf(query(item("type1")), 1)));
        assertEquals(8, recorder.append(List.of(event("type4", "e8", "Z")), failIf(query(item("", "X")), 1)));
        assertEquals(9, recorder.append(List.of(event("type4", "e9", "Z")), failIf(query(item("type1", "X")), 1)));
        assertEquals(10, recorder.append(List.of(event("type4", "e10", "Z")), failIf(query(item("", "X")), 1)));
        assertEquals(11, recorder.append(List.of(event("type4", "e11", "Z")), failIf(DcbQuery.all(), 10)));

        assertEquals(OptionalLong.of(11), recorder.head());
    }
}
