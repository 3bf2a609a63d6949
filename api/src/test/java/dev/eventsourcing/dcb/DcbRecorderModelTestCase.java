package dev.eventsourcing.dcb;

import dev.eventsourcing.persistence.IntegrityException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every query shape of a {@link DcbRecorder} agrees with a plain list filtered one event at a
 * time, on random events, queries, positions and limits, for reads and for conditional appends;
 * and an append that fails, by its condition or mid-way through its batch, leaves nothing
 * behind. Part of {@link DcbRecorderTestCase}; extend that class, not this one.
 *
 * @param <R> the recorder type under test
 */
public abstract class DcbRecorderModelTestCase<R extends DcbRecorder> extends DcbRecorderReferenceTestCase<R> {

    private static final List<String> TYPES = List.of("t1", "t2", "t3", "t4");
    private static final List<String> TAGS = List.of("a", "b", "c", "d", "e");

    /**
     * Random steps (a read or a conditional append) in the model test; a slow backend may lower it.
     *
     * @return the number of steps
     */
    protected int modelSteps() {
        return 600;
    }

    /**
     * The model is the list of events with the positions their appends returned: positions
     * ascend, and a batch's are consecutive, but a refused append may leave a gap (a database
     * sequence does not take back what a rolled-back transaction drew).
     */
    @Test
    void everyQueryShapeReadsAndConditionsAsAPlainFilterOverTheLogDoes() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        R recorder = createRecorder();
        List<DcbSequencedEvent> model = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            append(recorder, model, randomBatch(random), null, "seed " + seed);
        }
        for (int step = 0; step < modelSteps(); step++) {
            DcbQuery query = randomQuery(random);
            long after = random.nextInt((int) head(model) + 3);
            String context = "seed " + seed + ", step " + step + ", " + query.items() + " after " + after;
            if (random.nextInt(3) == 0) {
                append(recorder, model, randomBatch(random), new DcbAppendCondition(query, after), context);
            } else if (random.nextBoolean()) {
                assertRead(recorder.read(query, after), model, query, after, Integer.MAX_VALUE, context);
            } else {
                int limit = random.nextInt(6);
                assertRead(recorder.read(query, after, limit), model, query, after, limit, context + " limit " + limit);
            }
        }
    }

    private void append(R recorder, List<DcbSequencedEvent> model, List<DcbEvent> batch, DcbAppendCondition condition,
            String context) {
        boolean expectedToFail = condition != null && model.stream().anyMatch(
                e -> e.position() > condition.after() && condition.failIfEventsMatch().matches(e.event()));
        if (expectedToFail) {
            assertThrows(DcbConditionFailedException.class, () -> recorder.append(batch, condition), context);
        } else {
            long last = condition == null ? recorder.append(batch) : recorder.append(batch, condition);
            assertTrue(last >= head(model) + batch.size(), context + ": positions ascend");
            for (int i = 0; i < batch.size(); i++) {
                model.add(new DcbSequencedEvent(batch.get(i), last - batch.size() + 1 + i));
            }
        }
        assertEquals(OptionalLong.of(head(model)), recorder.head(), context);
    }

    private static long head(List<DcbSequencedEvent> model) {
        return model.isEmpty() ? 0 : model.get(model.size() - 1).position();
    }

    private static void assertRead(DcbReadResponse read, List<DcbSequencedEvent> model, DcbQuery query, long after,
            int limit, String context) {
        List<DcbSequencedEvent> expected = model.stream()
                .filter(e -> e.position() > after && query.matches(e.event())).limit(limit).toList();
        assertEquals(expected, read.events(), context);
        OptionalLong head = limit == Integer.MAX_VALUE ? OptionalLong.of(head(model))
                : expected.isEmpty() ? OptionalLong.empty() : OptionalLong.of(expected.get(expected.size() - 1).position());
        assertEquals(head, read.head(), context);
    }

    private static List<DcbEvent> randomBatch(Random random) {
        return IntStream.range(0, 1 + random.nextInt(3)).mapToObj(i -> randomEvent(random)).toList();
    }

    private static DcbEvent randomEvent(Random random) {
        return new DcbEvent(pick(TYPES, random), new byte[] {(byte) random.nextInt()}, randomSubset(TAGS, 3, random),
                UUID.randomUUID(), Map.of());
    }

    private static DcbQuery randomQuery(Random random) {
        return new DcbQuery(IntStream.range(0, random.nextInt(4))
                .mapToObj(i -> new DcbQueryItem(randomSubset(TYPES, 2, random), randomSubset(TAGS, 2, random)))
                .toList());
    }

    private static Set<String> randomSubset(List<String> names, int most, Random random) {
        return Set.copyOf(IntStream.range(0, random.nextInt(most + 1)).mapToObj(i -> pick(names, random)).toList());
    }

    private static String pick(List<String> names, Random random) {
        return names.get(random.nextInt(names.size()));
    }

    @Test
    void aFailedConditionalAppendLeavesNoEventNoTagAndNoPosition() {
        R recorder = threeEvents();

        assertThrows(DcbConditionFailedException.class, () -> recorder.append(
                List.of(event("type5", "refused", "fresh"), event("type5", "refused too", "fresh", "other")),
                failIf(query(item("", "A")), 0)));

        assertNothingAfterThreeEvents(recorder);
        assertTheNextAppendIsTheOnlyOneStored(recorder);
    }

    /**
     * The contract on ids: an event id is unique in the store. An append holding an id that is
     * stored already, or twice in its own batch, is refused with an {@link IntegrityException}
     * and stores nothing of its batch, whichever of its events broke the rule.
     */
    @Test
    void anAppendThatBreaksMidwayOnARepeatedIdStoresNothingOfItsBatch() {
        R recorder = threeEvents();
        DcbEvent first = event("type5", "first", "fresh");
        DcbEvent repeated = new DcbEvent("type5", new byte[] {1}, Set.of("fresh", "other"), first.id(), Map.of());

        assertThrows(IntegrityException.class, () -> recorder.append(List.of(first, repeated)));
        assertThrows(IntegrityException.class, () -> recorder.append(List.of(first, repeated), failIf(query(item("type9")), 0)));
        assertNothingAfterThreeEvents(recorder);

        DcbEvent stored = recorder.read(DcbQuery.all(), 0).events().get(1).event();
        DcbEvent again = new DcbEvent("type5", new byte[0], Set.of("fresh"), stored.id(), Map.of());
        assertThrows(IntegrityException.class, () -> recorder.append(List.of(event("type5", "new", "fresh"), again)));
        assertNothingAfterThreeEvents(recorder);
        assertTheNextAppendIsTheOnlyOneStored(recorder);
    }

    private void assertNothingAfterThreeEvents(R recorder) {
        assertEquals(OptionalLong.of(3), recorder.head());
        assertEquals(OptionalLong.of(3), recorder.read(DcbQuery.all(), 0).head());
        assertEquals(List.of("e1", "e2", "e3"), data(recorder.read(DcbQuery.all(), 0)));
        assertEquals(List.of(), recorder.read(query(item("", "fresh"), item("", "other"), item("type5")), 0).events());
        assertEquals(List.of(), recorder.read(DcbQuery.all(), 3, 10).events());
    }

    private void assertTheNextAppendIsTheOnlyOneStored(R recorder) {
        long next = recorder.append(List.of(event("type6", "accepted", "fresh")));
        assertEquals(List.of(next), positions(recorder.read(query(item("", "fresh")), 0)));
        assertEquals(List.of(next), positions(recorder.read(DcbQuery.all(), 3)));
    }
}
