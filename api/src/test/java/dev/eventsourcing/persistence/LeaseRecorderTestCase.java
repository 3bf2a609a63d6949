package dev.eventsourcing.persistence;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract of every {@link LeaseRecorder}: nodes divide a group's segments into fair shares
 * within a round or two each, a node that joins gets its share, the segments of a node that stops
 * go to the others after its lease (at once when it releases them), a group keeps its segment
 * count, and a segment never has two holders, also when nodes renew concurrently. A backend runs
 * it by extending this class and implementing {@link #createRecorder()}.
 *
 * <p>Time is the backend's own clock, which a test cannot move: steady states use a lease far
 * longer than any test, and expiry uses a short one and waits for its outcome (never for a time).
 * Each test uses groups of its own.
 *
 * @param <R> the recorder type under test
 */
public abstract class LeaseRecorderTestCase<R extends LeaseRecorder> {

    /** Longer than any test: leases taken with it do not expire while the test runs. */
    protected static final Duration LONG = Duration.ofMinutes(10);
    /** Short enough to wait for its expiry. */
    protected static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** A recorder on a store that all tests of the class may share; called once per test. */
    protected abstract R createRecorder();

    /** A group of this test only, so tests sharing a store never see each other's leases. */
    protected static String group() {
        return "reader-" + UUID.randomUUID() + "/upstream";
    }

    @Test
    void aLoneNodeTakesEverySegment() {
        R recorder = createRecorder();
        String group = group();

        assertEquals(Set.of(0, 1, 2, 3), recorder.renew(group, "a", 4, LONG));
        assertEquals(Map.of(0, "a", 1, "a", 2, "a", 3, "a"), recorder.holders(group));
        assertEquals(OptionalInt.of(4), recorder.segments(group));
    }

    @Test
    void renewingKeepsTheSegmentsHeld() {
        R recorder = createRecorder();
        String group = group();
        recorder.renew(group, "a", 3, LONG);

        assertEquals(List.of(0, 1, 2), List.copyOf(recorder.renew(group, "a", 3, LONG)));
        assertEquals(List.of(0, 1, 2), List.copyOf(recorder.renew(group, "a", 3, LONG)));
    }

    @Test
    void twoNodesShareEvenlyAfterTwoRoundsEach() {
        R recorder = createRecorder();
        String group = group();
        Map<String, SortedSet<Integer>> held = rounds(recorder, group, 4, "a", "b", "a", "b");

        assertEquals(Set.of(0, 1), held.get("a"));
        assertEquals(Set.of(2, 3), held.get("b"));
        assertEquals(Map.of(0, "a", 1, "a", 2, "b", 3, "b"), recorder.holders(group));
    }

    @Test
    void sharesDifferByAtMostOneWhenTheCountDoesNotDivide() {
        R recorder = createRecorder();
        String group = group();
        Map<String, SortedSet<Integer>> held = rounds(recorder, group, 5, "a", "b", "a", "b");

        assertEquals(3, held.get("a").size(), held.toString());
        assertEquals(2, held.get("b").size(), held.toString());
        assertDividedAmong(recorder, group, 5, held);
    }

    @Test
    void theFirstSegmentsAreTakenAndTheLastGivenBack() {
        R recorder = createRecorder();
        String group = group();
        recorder.renew(group, "a", 6, LONG);

        assertEquals(Set.of(), recorder.renew(group, "b", 6, LONG));
        assertEquals(Set.of(0, 1, 2), recorder.renew(group, "a", 6, LONG));
        assertEquals(Set.of(3, 4, 5), recorder.renew(group, "b", 6, LONG));
    }

    @Test
    void aJoiningNodeGetsItsShareAfterTheOthersNextRounds() {
        R recorder = createRecorder();
        String group = group();
        rounds(recorder, group, 6, "a", "b", "a", "b");

        Map<String, SortedSet<Integer>> held = rounds(recorder, group, 6, "c", "a", "b", "c");

        held.values().forEach(segments -> assertEquals(2, segments.size(), held.toString()));
        assertDividedAmong(recorder, group, 6, held);
    }

    @Test
    void aJoiningNodeGetsASegmentWhenTheOthersHadTwoEach() {
        R recorder = createRecorder();
        String group = group();
        rounds(recorder, group, 4, "a", "b", "a", "b");

        Map<String, SortedSet<Integer>> held = rounds(recorder, group, 4, "c", "a", "b", "c");

        assertEquals(List.of(1, 1, 2), held.values().stream().map(Set::size).sorted().toList(), held.toString());
        assertDividedAmong(recorder, group, 4, held);
    }

    @Test
    void nodesBeyondTheSegmentCountHoldNothing() {
        R recorder = createRecorder();
        String group = group();
        Map<String, SortedSet<Integer>> held = rounds(recorder, group, 2, "a", "b", "c", "a", "b", "c");

        assertEquals(List.of(0, 1, 1), held.values().stream().map(Set::size).sorted().toList(), held.toString());
        assertDividedAmong(recorder, group, 2, held);
    }

    @Test
    void theSegmentsOfANodeThatStopsRenewingGoToTheOthersAfterItsLease() {
        R recorder = createRecorder();
        String group = group();
        // b's short lease may expire between two rounds on a slow machine: rounds go on until b holds a share.
        awaitEquals(Set.of(2, 3), () -> {
            recorder.renew(group, "a", 4, LONG);
            return recorder.renew(group, "b", 4, SHORT);
        });

        awaitEquals(Set.of(0, 1, 2, 3), () -> recorder.renew(group, "a", 4, LONG));
        assertEquals(Map.of(0, "a", 1, "a", 2, "a", 3, "a"), recorder.holders(group));
    }

    @Test
    void holdersLeaveOutExpiredLeases() {
        R recorder = createRecorder();
        String group = group();
        recorder.renew(group, "a", 2, SHORT);

        awaitEquals(Map.of(), () -> recorder.holders(group));
        assertEquals(OptionalInt.of(2), recorder.segments(group));
    }

    @Test
    void aNodeThatReleasesHandsItsSegmentsOverAtOnce() {
        R recorder = createRecorder();
        String group = group();
        rounds(recorder, group, 4, "a", "b", "a", "b");

        recorder.release(group, "b");

        assertEquals(Map.of(0, "a", 1, "a"), recorder.holders(group));
        assertEquals(Set.of(0, 1, 2, 3), recorder.renew(group, "a", 4, LONG));
    }

    @Test
    void releasingWhatIsNotHeldDoesNothing() {
        R recorder = createRecorder();
        String group = group();
        recorder.renew(group, "a", 2, LONG);

        recorder.release(group, "nobody");
        recorder.release(group(), "a");

        assertEquals(Map.of(0, "a", 1, "a"), recorder.holders(group));
    }

    @Test
    void anotherSegmentCountIsRefusedNamingBothCounts() {
        R recorder = createRecorder();
        String group = group();
        recorder.renew(group, "a", 4, LONG);

        IntegrityException refused = assertThrows(IntegrityException.class, () -> recorder.renew(group, "b", 8, LONG));

        assertTrue(refused.getMessage().contains("4") && refused.getMessage().contains("8"), refused.getMessage());
        assertTrue(refused.getMessage().contains(group), refused.getMessage());
        assertEquals(Map.of(0, "a", 1, "a", 2, "a", 3, "a"), recorder.holders(group));
    }

    @Test
    void aGroupKeepsItsCountWhenEveryNodeHasReleased() {
        R recorder = createRecorder();
        String group = group();
        recorder.renew(group, "a", 4, LONG);
        recorder.release(group, "a");

        assertEquals(OptionalInt.of(4), recorder.segments(group));
        assertEquals(Map.of(), recorder.holders(group));
        assertThrows(IntegrityException.class, () -> recorder.renew(group, "b", 2, LONG));
        assertEquals(Set.of(0, 1, 2, 3), recorder.renew(group, "b", 4, LONG));
    }

    @Test
    void aGroupNobodyRenewedInHasNoCountAndNoHolders() {
        R recorder = createRecorder();

        assertEquals(OptionalInt.empty(), recorder.segments(group()));
        assertEquals(Map.of(), recorder.holders(group()));
    }

    @Test
    void groupsAreDividedIndependently() {
        R recorder = createRecorder();
        String first = group();
        String second = group();
        recorder.renew(first, "a", 2, LONG);

        assertEquals(Set.of(0, 1, 2), recorder.renew(second, "b", 3, LONG));
        assertEquals(Set.of(0, 1), recorder.renew(first, "a", 2, LONG));
        assertEquals(Map.of(0, "a", 1, "a"), recorder.holders(first));
        assertEquals(OptionalInt.of(3), recorder.segments(second));
    }

    @Test
    void badArgumentsAreRefused() {
        R recorder = createRecorder();
        String group = group();

        assertThrows(IllegalArgumentException.class, () -> recorder.renew(" ", "a", 2, LONG));
        assertThrows(IllegalArgumentException.class, () -> recorder.renew(group, "", 2, LONG));
        assertThrows(IllegalArgumentException.class, () -> recorder.renew(group, "a", 0, LONG));
        assertThrows(IllegalArgumentException.class, () -> recorder.renew(group, "a", -1, LONG));
        assertThrows(IllegalArgumentException.class, () -> recorder.renew(group, "a", 2, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> recorder.renew(group, "a", 2, Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> recorder.release("", "a"));
        assertThrows(IllegalArgumentException.class, () -> recorder.release(group, " "));
        assertEquals(OptionalInt.empty(), recorder.segments(group));
    }

    /**
     * Nodes renew in waves, each wave all at once from threads of their own, some nodes leaving
     * and joining between waves. Leases are long, so a segment moves only when its holder gives
     * it back (see {@link #assertWave}).
     */
    @Test
    void concurrentRenewalsNeverGiveOneSegmentToTwoNodes() {
        R recorder = createRecorder();
        String group = group();
        int segments = 12;
        List<String> nodes = new ArrayList<>(List.of("n0", "n1", "n2", "n3", "n4"));
        Map<String, SortedSet<Integer>> held = new TreeMap<>();
        for (int wave = 0; wave < 12; wave++) {
            if (wave == 5) {
                recorder.release(group, "n1");
                held.remove("n1");
                nodes.remove("n1");
            }
            if (wave == 8) {
                nodes.add("n5");
            }
            List<String> renewing = List.copyOf(nodes);
            List<SortedSet<Integer>> results = Concurrently.run(renewing.size(), PATIENCE,
                    i -> recorder.renew(group, renewing.get(i), segments, LONG));
            Map<String, SortedSet<Integer>> after = new TreeMap<>();
            for (int i = 0; i < renewing.size(); i++) {
                after.put(renewing.get(i), results.get(i));
            }
            assertWave(held, after, recorder.holders(group), "wave " + wave);
            held = after;
        }
        Map<String, SortedSet<Integer>> last = held;
        assertEquals(segments, last.values().stream().mapToInt(Set::size).sum(), last.toString());
        last.values().forEach(set -> assertTrue(set.size() >= 2 && set.size() <= 3, last.toString()));
    }

    /**
     * Checks a wave of rounds, one per node, run at once while no lease expires: no segment was
     * given to two nodes; a node lost only segments it gave back, which are its highest (so no
     * other node took one it still held); and the holders are the nodes' latest sets.
     *
     * @param before  what each node held before the wave (a node that joins in it is absent)
     * @param after   what each node's round of the wave returned
     * @param holders {@link LeaseRecorder#holders} after the wave
     * @param context names the wave in failures
     */
    protected static void assertWave(Map<String, SortedSet<Integer>> before, Map<String, SortedSet<Integer>> after,
                                     Map<Integer, String> holders, String context) {
        Map<Integer, String> expected = new HashMap<>();
        after.forEach((node, segments) -> segments.forEach(segment -> {
            String other = expected.put(segment, node);
            if (other != null) {
                fail("After " + context + ", segment " + segment + " was given to both " + other + " and " + node
                        + ": " + after);
            }
        }));
        after.forEach((node, segments) -> {
            SortedSet<Integer> had = before.getOrDefault(node, new TreeSet<>());
            SortedSet<Integer> kept = new TreeSet<>(had);
            kept.retainAll(segments);
            had.stream().filter(segment -> !segments.contains(segment) && !kept.isEmpty() && segment < kept.last())
                    .findFirst().ifPresent(segment -> fail("In " + context + ", " + node + " lost segment " + segment
                            + " but kept higher ones: it had " + had + ", now " + segments));
        });
        assertEquals(expected, holders, "after " + context);
    }

    /** Each node in turn renews with a long lease; returns what each was given last. */
    protected static Map<String, SortedSet<Integer>> rounds(LeaseRecorder recorder, String group, int segments,
                                                           String... nodes) {
        Map<String, SortedSet<Integer>> held = new TreeMap<>();
        for (String node : nodes) {
            held.put(node, recorder.renew(group, node, segments, LONG));
        }
        return held;
    }

    private static void assertDividedAmong(LeaseRecorder recorder, String group, int segments,
                                           Map<String, SortedSet<Integer>> held) {
        Map<Integer, String> expected = new TreeMap<>();
        held.forEach((node, set) -> set.forEach(segment -> assertEquals(null, expected.put(segment, node), held.toString())));
        assertEquals(new TreeSet<>(expected.keySet()), range(segments), held.toString());
        assertEquals(expected, recorder.holders(group));
    }

    private static Set<Integer> range(int segments) {
        Set<Integer> all = new TreeSet<>();
        for (int segment = 0; segment < segments; segment++) {
            all.add(segment);
        }
        return all;
    }

    /** Asks until the answer is the expected one; fails after a generous time. */
    protected static <T> void awaitEquals(T expected, Supplier<T> actual) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T last = actual.get();
        while (!expected.equals(last)) {
            if (System.nanoTime() > deadline) {
                fail("Expected " + expected + " within " + PATIENCE + ", last " + last);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + expected, e);
            }
            last = actual.get();
        }
    }
}
