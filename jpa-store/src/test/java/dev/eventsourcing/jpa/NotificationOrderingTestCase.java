package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.jpa.PlannedTransactions.Plan;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import dev.eventsourcing.persistence.RecorderException;
import dev.eventsourcing.persistence.StoredEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Invariant 3 on a real database: a reader tailing the log never skips a notification, however
 * long writers keep their transactions open and whether they commit or roll back. Subclasses
 * name the database (and its strategy).
 */
abstract class NotificationOrderingTestCase {

    static final int WRITERS = 8;
    static final int BATCHES_PER_WRITER = 30;

    private ExecutorService threads;

    abstract TestDatabase database();

    @BeforeEach
    void startThreads() {
        threads = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS), "test threads ended");
    }

    PlannedTransactions plannedTransactions() {
        return new PlannedTransactions(database().transactions());
    }

    ApplicationRecorder recorder(PlannedTransactions transactions) {
        return new JpaApplicationRecorder(TestDatabase.uniqueName("ordering"), transactions, database().strategy());
    }

    static StoredEvent event(String topic) {
        return new StoredEvent(UUID.randomUUID(), 1, topic, topic.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aNotificationCommittedLateIsNeverSkipped() throws Exception {
        PlannedTransactions transactions = plannedTransactions();
        ApplicationRecorder recorder = recorder(transactions);
        CountDownLatch reserved = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        Future<List<Long>> early = threads.submit(() -> transactions.under(Plan.holdUntil(reserved, release),
                () -> recorder.insertEvents(List.of(event("early")))));
        assertTrue(reserved.await(10, TimeUnit.SECONDS), "the first writer reserved its id");
        Future<List<Long>> late = threads.submit(() -> recorder.insertEvents(List.of(event("late"))));
        try {
            // The second writer commits now (concurrent strategies) or waits (serialised ones).
            late.get(300, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException serialised) {
            // expected where writers are serialised
        }

        assertEquals(List.of(), recorder.selectNotifications(NotificationSelection.after(0, 10)),
                "nothing is visible while a lower id may still commit");
        assertEquals(0, recorder.maxNotificationId());

        release.countDown();
        long earlyId = early.get(10, TimeUnit.SECONDS).get(0);
        long lateId = late.get(10, TimeUnit.SECONDS).get(0);
        List<Notification> all = recorder.selectNotifications(NotificationSelection.after(0, 10));
        assertTrue(earlyId < lateId, "the first writer's id is the lower one");
        assertEquals(List.of("early", "late"), all.stream().map(Notification::topic).toList());
        assertEquals(lateId, recorder.maxNotificationId());
    }

    @Test
    void aTailingReaderSeesEveryCommittedEventOnceInOrderAndNothingRolledBack() throws Exception {
        PlannedTransactions transactions = plannedTransactions();
        ApplicationRecorder recorder = recorder(transactions);
        Map<Long, StoredEvent> committed = new ConcurrentHashMap<>();
        Set<StoredEvent> rolledBack = ConcurrentHashMap.newKeySet();
        AtomicInteger writersLeft = new AtomicInteger(WRITERS);

        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(threads.submit(() -> write(recorder, transactions, committed, rolledBack, writersLeft)));
        }
        List<Notification> read = threads.submit(() -> tail(recorder, writersLeft)).get(120, TimeUnit.SECONDS);
        for (Future<?> writer : writers) {
            writer.get(10, TimeUnit.SECONDS);
        }

        List<Long> readIds = read.stream().map(Notification::id).toList();
        for (int i = 1; i < readIds.size(); i++) {
            assertTrue(readIds.get(i) > readIds.get(i - 1), "ascending at " + i + ": " + readIds.subList(i - 1, i + 1));
        }
        assertEquals(new HashSet<>(committed.keySet()), new HashSet<>(readIds), "every committed id is read");
        assertEquals(committed.size(), readIds.size(), "each exactly once");
        for (Notification n : read) {
            assertEquals(committed.get(n.id()), n.storedEvent(), "notification " + n.id() + " carries its event");
            assertTrue(!rolledBack.contains(n.storedEvent()), "a rolled-back event was read: " + n);
        }
        assertTrue(!rolledBack.isEmpty() && committed.size() > WRITERS * BATCHES_PER_WRITER / 2,
                "the run rolled some batches back and committed most: " + rolledBack.size() + " / " + committed.size());
    }

    private static Void write(ApplicationRecorder recorder, PlannedTransactions transactions, Map<Long, StoredEvent> committed,
                              Set<StoredEvent> rolledBack, AtomicInteger writersLeft) {
        try {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int b = 0; b < BATCHES_PER_WRITER; b++) {
                List<StoredEvent> batch = new ArrayList<>();
                int size = 1 + random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    batch.add(event("stress"));
                }
                int dice = random.nextInt(100);
                Plan plan = dice < 10 ? Plan.rollBack() : dice < 25 ? Plan.hold(20 + random.nextInt(80)) : null;
                try {
                    List<Long> ids = transactions.under(plan, () -> recorder.insertEvents(batch));
                    for (int i = 0; i < size; i++) {
                        committed.put(ids.get(i), batch.get(i));
                    }
                } catch (RecorderException e) {
                    assertInstanceOf(PlannedTransactions.PlannedRollback.class, e.getCause(), "only planned failures");
                    rolledBack.addAll(batch);
                }
            }
            return null;
        } finally {
            writersLeft.decrementAndGet();
        }
    }

    /** Tails the log in small pages until the writers are done and a last page comes back empty. */
    private static List<Notification> tail(ApplicationRecorder recorder, AtomicInteger writersLeft) throws InterruptedException {
        List<Notification> read = new ArrayList<>();
        long last = 0;
        while (true) {
            boolean finished = writersLeft.get() == 0;
            List<Notification> page = recorder.selectNotifications(NotificationSelection.after(last, 20));
            read.addAll(page);
            if (!page.isEmpty()) {
                last = page.get(page.size() - 1).id();
            } else if (finished) {
                return read;
            } else {
                Thread.sleep(1);
            }
        }
    }
}
