package dev.eventsourcing.persistence;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ordering guarantees of an {@link ApplicationRecorder} under concurrent writers: batches
 * never interleave, ids stay contiguous, and a polling reader never skips a notification.
 * Part of {@link ApplicationRecorderTestCase}; extend that class, not this one.
 *
 * <p>The sizes default to the reference library's; a slow backend may override them.
 *
 * @param <R> the recorder type under test
 */
public abstract class ApplicationRecorderConcurrencyTestCase<R extends ApplicationRecorder>
        extends AggregateRecorderTestCase<R> {

    /** Events in each of the two racing batches of the non-interleaving test. */
    protected int nonInterleavingBatchSize() {
        return 1000;
    }

    /** Writer threads in the no-conflicts test. */
    protected int concurrentWriters() {
        return 10;
    }

    /** Batches, shared among the writers, in the no-conflicts test. */
    protected int concurrentBatches() {
        return 100;
    }

    /** Events per batch in the no-conflicts test. */
    protected int concurrentBatchSize() {
        return 100;
    }

    /** Writer threads in the no-skip test. */
    protected int noSkipWriters() {
        return 4;
    }

    /** Batches each writer inserts in the no-skip test; they hold 1 to 3 events. */
    protected int noSkipBatchesPerWriter() {
        return 200;
    }

    @Test
    void twoConcurrentBatchesNeverInterleave() {
        R recorder = createRecorder();
        insertThreeEvents(recorder);
        long before = recorder.maxNotificationId();
        int size = nonInterleavingBatchSize();
        UUID[] originators = {UUID.randomUUID(), UUID.randomUUID()};

        List<List<Long>> given = Concurrently.run(2, concurrencyTimeout(),
                i -> recorder.insertEvents(batch(originators[i], size, "non-interleaving-test-event")));

        List<Notification> selected = recorder.selectNotifications(NotificationSelection.after(before, 2 * size));
        for (int i = 0; i < 2; i++) {
            UUID originator = originators[i];
            List<Long> ids = ids(selected.stream().filter(n -> n.originatorId().equals(originator)).toList());
            assertEquals(size, ids.size(), "notifications of batch " + i);
            assertEquals(given.get(i), ids, "the ids returned by insertEvents are the ids selected");
            assertContiguous(ids);
        }
        assertTrue(given.get(0).get(0) > given.get(1).get(size - 1) || given.get(1).get(0) > given.get(0).get(size - 1),
                "one batch's ids all lie above the other's");
    }

    @Test
    void concurrentWritersWithoutConflictsStoreEveryEventWithDistinctContiguousIds() {
        R recorder = createRecorder();
        int writers = concurrentWriters();
        int batches = concurrentBatches();
        int size = concurrentBatchSize();
        int readers = 2;
        AtomicInteger nextBatch = new AtomicInteger();
        AtomicInteger writersLeft = new AtomicInteger(writers);
        Map<Long, UUID> originatorById = new ConcurrentHashMap<>();

        List<Integer> work = Concurrently.run(writers + readers, concurrencyTimeout(), thread -> {
            if (thread >= writers) {
                return pollUntilWritersFinish(recorder, writersLeft);
            }
            try {
                int written = 0;
                while (nextBatch.getAndIncrement() < batches) {
                    UUID originator = UUID.randomUUID();
                    List<Long> ids = recorder.insertEvents(batch(originator, size, "topic"));
                    assertContiguous(ids);
                    ids.forEach(id -> originatorById.put(id, originator));
                    written++;
                }
                return written;
            } finally {
                writersLeft.decrementAndGet();
            }
        });

        int total = batches * size;
        assertEquals(batches, work.subList(0, writers).stream().mapToInt(Integer::intValue).sum());
        assertEquals(total, originatorById.size(), "distinct ids returned");
        List<Notification> all = recorder.selectNotifications(0, total + 1);
        assertEquals(LongStream.rangeClosed(1, total).boxed().toList(), ids(all));
        all.forEach(n -> assertEquals(originatorById.get(n.id()), n.originatorId(), "originator of " + n.id()));
        assertEquals(total, recorder.maxNotificationId());
    }

    @Test
    void aPollingReaderNeverSkipsANotificationWhileWritersInsert() {
        R recorder = createRecorder();
        int writers = noSkipWriters();
        int batches = noSkipBatchesPerWriter();
        AtomicInteger writersLeft = new AtomicInteger(writers);

        List<List<Long>> work = Concurrently.run(writers + 1, concurrencyTimeout(), thread -> {
            if (thread == writers) {
                return readEveryIdUntilWritersFinish(recorder, writersLeft);
            }
            try {
                for (int b = 0; b < batches; b++) {
                    recorder.insertEvents(batch(UUID.randomUUID(), 1 + (b + thread) % 3, "topic-" + thread));
                }
                return List.of();
            } finally {
                writersLeft.decrementAndGet();
            }
        });

        List<Long> seen = work.get(writers);
        long max = recorder.maxNotificationId();
        List<Long> committed = ids(recorder.selectNotifications(0, (int) max + 1));
        List<Long> skipped = new ArrayList<>(committed);
        skipped.removeAll(new java.util.HashSet<>(seen));
        assertEquals(List.of(), skipped.subList(0, Math.min(20, skipped.size())), "ids the reader skipped (first 20)");
        assertEquals(committed, seen, "the reader saw each id once, in ascending order");
    }

    /** Reads from after the last id seen until the writers finish; each page must follow the last. */
    private static List<Long> readEveryIdUntilWritersFinish(ApplicationRecorder recorder, AtomicInteger writersLeft) {
        List<Long> seen = new ArrayList<>();
        long last = 0;
        while (true) {
            // Read the flag before selecting, so the last select sees everything the writers wrote.
            boolean finished = writersLeft.get() == 0;
            List<Notification> page = recorder.selectNotifications(NotificationSelection.after(last, 50));
            for (Notification n : page) {
                assertTrue(n.id() > last, "id " + n.id() + " after " + last);
                last = n.id();
                seen.add(last);
            }
            if (page.isEmpty() && finished) {
                return seen;
            }
        }
    }

    /** Polls the head of the log and its maximum id; returns the number of polls. */
    private static int pollUntilWritersFinish(ApplicationRecorder recorder, AtomicInteger writersLeft) {
        int polls = 0;
        while (writersLeft.get() > 0) {
            List<Long> head = ids(recorder.selectNotifications(0, 10));
            assertEquals(LongStream.rangeClosed(1, head.size()).boxed().toList(), head, "the head of the log");
            assertTrue(recorder.maxNotificationId() >= head.size());
            polls++;
            LockSupport.parkNanos(100_000);  // as the reference readers do, leave the writers some CPU
        }
        return polls;
    }

    private static void assertContiguous(List<Long> ids) {
        for (int i = 1; i < ids.size(); i++) {
            assertEquals(ids.get(i - 1) + 1, ids.get(i), "ids of one batch are contiguous: " + ids);
        }
    }

    /** Inserts e1 (ID1 v1 topic1), e2 (ID1 v2 topic2) and e3 (ID2 v1 topic3): ids 1, 2, 3. */
    protected static void insertThreeEvents(ApplicationRecorder recorder) {
        recorder.insertEvents(List.of(event(ID1, 1, "topic1", "state1"), event(ID1, 2, "topic2", "state2")));
        recorder.insertEvents(List.of(event(ID2, 1, "topic3", "state3")));
    }
}
