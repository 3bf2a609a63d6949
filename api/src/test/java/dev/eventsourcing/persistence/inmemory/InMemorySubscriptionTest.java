package dev.eventsourcing.persistence.inmemory;

import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How in-memory subscriptions page through long logs, skip other topics, and end. */
class InMemorySubscriptionTest {

    private final InMemoryApplicationRecorder recorder = new InMemoryApplicationRecorder();
    private final ExecutorService consumer = Executors.newSingleThreadExecutor();
    private final List<Subscription> subscriptions = new ArrayList<>();

    @AfterEach
    void stopEverything() throws InterruptedException {
        subscriptions.forEach(Subscription::stop);
        consumer.shutdownNow();
        assertTrue(consumer.awaitTermination(10, TimeUnit.SECONDS));
    }

    @Test
    void aLogLongerThanOnePageIsYieldedWhole() throws Exception {
        insert(1234, "topic");
        Subscription subscription = subscribe(0, Set.of());

        List<Long> ids = consumer.submit(() -> take(subscription, 1234)).get(10, TimeUnit.SECONDS);

        assertEquals(LongStream.rangeClosed(1, 1234).boxed().toList(), ids);
    }

    @Test
    void aTopicFilterSkipsLongRunsOfOtherTopics() throws Exception {
        insert(700, "other");
        insert(1, "wanted");
        insert(700, "other");
        insert(1, "wanted");
        Subscription subscription = subscribe(0, Set.of("wanted"));

        List<Long> ids = consumer.submit(() -> take(subscription, 2)).get(10, TimeUnit.SECONDS);

        assertEquals(List.of(701L, 1402L), ids);
    }

    @Test
    void aSubscriptionAfterTheEndWaitsForNewNotifications() throws Exception {
        insert(3, "topic");
        Subscription subscription = subscribe(10, Set.of());
        Future<List<Long>> taken = consumer.submit(() -> take(subscription, 1));
        insert(7, "topic");
        assertThrows(TimeoutException.class, () -> taken.get(100, TimeUnit.MILLISECONDS));

        insert(1, "topic");

        assertEquals(List.of(11L), taken.get(10, TimeUnit.SECONDS));
    }

    @Test
    void interruptingTheWaitingReaderEndsTheSubscriptionAndKeepsTheInterrupt() throws Exception {
        Subscription subscription = subscribe(0, Set.of());
        Future<Boolean[]> result = consumer.submit(() -> new Boolean[] {
                subscription.hasNext(), Thread.currentThread().isInterrupted()});
        assertThrows(TimeoutException.class, () -> result.get(100, TimeUnit.MILLISECONDS));

        consumer.shutdownNow();

        Boolean[] hasNextAndInterrupted = result.get(10, TimeUnit.SECONDS);
        assertFalse(hasNextAndInterrupted[0]);
        assertTrue(hasNextAndInterrupted[1]);
        insert(1, "topic");
        assertFalse(subscription.hasNext(), "an interrupted subscription stays stopped");
    }

    @Test
    void nextOnAStoppedSubscriptionThrowsNoSuchElement() {
        insert(1, "topic");
        Subscription subscription = subscribe(0, Set.of());

        subscription.stop();

        assertThrows(NoSuchElementException.class, subscription::next);
    }

    private Subscription subscribe(long gt, Set<String> topics) {
        Subscription subscription = recorder.subscribe(gt, topics);
        subscriptions.add(subscription);
        return subscription;
    }

    private static List<Long> take(Subscription subscription, int count) {
        List<Long> ids = new ArrayList<>();
        while (ids.size() < count && subscription.hasNext()) {
            Notification next = subscription.next();
            ids.add(next.id());
        }
        return ids;
    }

    private void insert(int count, String topic) {
        UUID originator = UUID.randomUUID();
        List<StoredEvent> batch = new ArrayList<>();
        for (int version = 1; version <= count; version++) {
            batch.add(new StoredEvent(originator, version, topic, new byte[] {1}));
        }
        recorder.insertEvents(batch);
    }
}
