package dev.eventsourcing.dcb;

import dev.eventsourcing.persistence.Concurrently;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a {@link DcbRecorder} guarantees to concurrent writers and readers: batches never
 * interleave, one boundary admits one winner per race and never loses an update, disjoint
 * boundaries never conflict, and a reader that follows the head never misses an event. Part of
 * {@link DcbRecorderTestCase}; extend that class, not this one.
 *
 * <p>The sizes default to the reference library's where it has one; a slow backend may lower them.
 *
 * @param <R> the recorder type under test
 */
public abstract class DcbRecorderConcurrencyTestCase<R extends DcbRecorder> extends DcbRecorderModelTestCase<R> {

    /** @return the events in each of the two racing batches of the non-interleaving test */
    protected int nonInterleavingBatchSize() {
        return 10_000;
    }

    /** @return the writer threads of the tests with many writers */
    protected int concurrentWriters() {
        return 8;
    }

    /** @return the successful appends each writer makes in the tests with many writers */
    protected int appendsPerWriter() {
        return 25;
    }

    /** @return how long the concurrent tasks of one test may take together */
    protected Duration concurrencyTimeout() {
        return Duration.ofSeconds(60);
    }

    @Test
    void twoConcurrentUnconditionalBatchesNeverInterleave() {
        R recorder = threeEvents();
        int size = nonInterleavingBatchSize();

        List<Long> last = Concurrently.run(2, concurrencyTimeout(), writer -> recorder.append(
                IntStream.range(0, size).mapToObj(i -> event("batch", "writer-" + writer, "writer-" + writer)).toList()));

        List<List<Long>> positions = new ArrayList<>();
        for (int writer = 0; writer < 2; writer++) {
            List<Long> batch = positions(recorder.read(query(item("", "writer-" + writer)), 0));
            assertEquals(LongStream.rangeClosed(batch.get(0), last.get(writer)).boxed().toList(), batch,
                    "the positions of batch " + writer + " are consecutive and end at what append returned");
            positions.add(batch);
        }
        assertTrue(positions.get(0).get(0) > last.get(1) || positions.get(1).get(0) > last.get(0),
                "one batch lies entirely after the other");
    }

    @Test
    void ofTwoWritersWithTheSameConditionOneStoresItsWholeBatchAndTheOtherNothing() {
        R recorder = createRecorder();
        DcbAppendCondition condition = failIf(query(item("", "boundary")), 0);

        List<Boolean> won = Concurrently.run(2, concurrencyTimeout(), writer -> tryAppend(recorder, condition,
                IntStream.range(0, 10).mapToObj(i -> event("decided", "writer-" + writer, "boundary")).toList()));

        assertEquals(1, won.stream().filter(w -> w).count(), "winners");
        String winner = "writer-" + won.indexOf(true);
        assertEquals(IntStream.range(0, 10).mapToObj(i -> winner).toList(), data(recorder.read(DcbQuery.all(), 0)));
    }

    @Test
    void ofTwoWritersThatReadTheSameBoundaryExactlyOneWinsEachRace() {
        R recorder = createRecorder();
        DcbQuery boundary = query(item("decided", "course:1"), item("", "student:1", "course:1"));
        CyclicBarrier barrier = new CyclicBarrier(2);
        int races = appendsPerWriter();

        List<List<Boolean>> won = Concurrently.run(2, concurrencyTimeout(), writer -> {
            List<Boolean> outcomes = new ArrayList<>();
            for (int race = 0; race < races; race++) {
                long after = recorder.read(boundary, 0).after();
                await(barrier);
                outcomes.add(tryAppend(recorder, failIf(boundary, after), List.of(event("decided", "d", "course:1"))));
                await(barrier);
            }
            return outcomes;
        });

        for (int race = 0; race < races; race++) {
            assertTrue(won.get(0).get(race) ^ won.get(1).get(race), "exactly one winner in race " + race + ": " + won);
        }
        assertEquals(races, recorder.read(boundary, 0).events().size());
    }

    /**
     * Each writer keeps deciding "the count is one more than the events I read" on one boundary,
     * reading again after every lost race; the counts stored must then be 1, 2, 3, … without a
     * repeat, as they would be if the writers had taken turns.
     */
    @Test
    void conditionalAppendsOnOneBoundaryNeverLoseAnUpdate() {
        R recorder = createRecorder();
        DcbQuery boundary = query(item("counted", "counter"));
        int writers = concurrentWriters();
        int appends = Math.max(2, appendsPerWriter() / 5);

        List<Integer> conflicts = Concurrently.run(writers, concurrencyTimeout(), writer -> {
            int lost = 0;
            for (int done = 0; done < appends; ) {
                DcbReadResponse read = recorder.read(boundary, 0);
                DcbEvent next = event("counted", Integer.toString(read.events().size() + 1), "counter", "writer-" + writer);
                if (tryAppend(recorder, failIf(boundary, read.after()), List.of(next))) {
                    done++;
                } else {
                    lost++;
                }
            }
            return lost;
        });

        assertEquals(IntStream.rangeClosed(1, writers * appends).mapToObj(Integer::toString).toList(),
                data(recorder.read(boundary, 0)), "conflicts per writer " + conflicts);
    }

    @Test
    void writersOnDisjointBoundariesNeverConflict() {
        R recorder = createRecorder();
        int appends = appendsPerWriter();

        Concurrently.run(concurrentWriters(), concurrencyTimeout(), writer -> {
            DcbQuery boundary = query(item("", "student:" + writer));
            for (int i = 0; i < appends; i++) {
                long after = recorder.read(boundary, 0).after();
                recorder.append(List.of(event("joined", Integer.toString(i), "student:" + writer, "course:all")),
                        failIf(boundary, after));
            }
            return null;
        });

        for (int writer = 0; writer < concurrentWriters(); writer++) {
            assertEquals(IntStream.range(0, appends).mapToObj(Integer::toString).toList(),
                    data(recorder.read(query(item("", "student:" + writer)), 0)));
        }
    }

    /**
     * Writers append while a reader keeps reading after the head it last got, as a decision
     * does: if a head ever ran ahead of a position still to commit, the reader would step over
     * that event for good. At the end it must have seen every event, each once.
     */
    @Test
    void aReaderFollowingTheHeadNeverMissesAnEventUnderConcurrentWriters() {
        R recorder = createRecorder();
        int writers = concurrentWriters() / 2;
        AtomicInteger writing = new AtomicInteger(writers);

        List<List<Long>> seen = Concurrently.run(writers + 1, concurrencyTimeout(), task -> {
            if (task == writers) {
                return follow(recorder, writing);
            }
            appendMixedBatches(recorder, task, appendsPerWriter());
            writing.decrementAndGet();
            return List.of();
        });

        List<Long> all = positions(recorder.read(DcbQuery.all(), 0));
        assertEquals(all, seen.get(writers), "the positions the reader saw, in order");
    }

    private List<Long> follow(R recorder, AtomicInteger writing) {
        List<Long> seen = new ArrayList<>();
        long after = 0;
        boolean last = false;
        for (int poll = 0; !last; poll++) {
            // The last poll starts after every writer ended, so it sees the final store.
            last = writing.get() == 0;
            DcbReadResponse read = last || poll % 2 == 0 ? recorder.read(DcbQuery.all(), after)
                    : recorder.read(DcbQuery.all(), after, 7);
            for (DcbSequencedEvent event : read.events()) {
                assertTrue(event.position() <= read.head().orElseThrow(), "no event above the head");
                seen.add(event.position());
            }
            after = Math.max(after, read.after());
        }
        return seen;
    }

    /** Batches of one to three events, every other one on a condition of the writer's own tag. */
    static void appendMixedBatches(DcbRecorder recorder, int writer, int batches) {
        DcbQuery own = DcbQuery.of(DcbQueryItem.tags("writer-" + writer));
        for (int i = 0; i < batches; i++) {
            List<DcbEvent> batch = IntStream.rangeClosed(0, i % 3)
                    .mapToObj(n -> event("mixed", "w" + writer, "writer-" + writer, n == 0 ? "watched" : "other"))
                    .toList();
            if (i % 2 == 0) {
                recorder.append(batch);
            } else {
                recorder.append(batch, new DcbAppendCondition(own, recorder.read(own, 0).after()));
            }
        }
    }

    /** @return whether the append went through; false when its condition failed */
    static boolean tryAppend(DcbRecorder recorder, DcbAppendCondition condition, List<DcbEvent> events) {
        try {
            recorder.append(events, condition);
            return true;
        } catch (DcbConditionFailedException expected) {
            return false;
        }
    }

    static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted at a barrier", e);
        } catch (BrokenBarrierException e) {
            throw new AssertionError("The other writer failed", e);
        }
    }
}
