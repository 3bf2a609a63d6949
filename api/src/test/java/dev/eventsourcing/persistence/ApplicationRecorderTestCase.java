package dev.eventsourcing.persistence;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract of every {@link ApplicationRecorder}: the aggregate recorder contract plus the
 * notification log (ids, every {@link NotificationSelection} option, {@code maxNotificationId}),
 * subscriptions, and the ordering guarantees under concurrent writers. Its concurrency tests live
 * in {@link ApplicationRecorderConcurrencyTestCase}, which this class extends.
 *
 * @param <R> the recorder type under test
 */
public abstract class ApplicationRecorderTestCase<R extends ApplicationRecorder>
        extends ApplicationRecorderConcurrencyTestCase<R> {

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private ExecutorService consumer;

    /** How long a test waits for something that should happen at once before it fails. */
    protected Duration waitTimeout() {
        return Duration.ofSeconds(10);
    }

    @BeforeEach
    void startConsumerThread() {
        consumer = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void stopSubscriptionsAndConsumerThread() {
        subscriptions.forEach(Subscription::stop);
        Concurrently.stop(consumer);
    }

    @Test
    void anEmptyRecorderHasNoNotifications() {
        R recorder = createRecorder();

        assertEquals(List.of(), recorder.selectNotifications(0, 3));
        assertEquals(List.of(), recorder.selectNotifications(NotificationSelection.from(0, 3).topics(Set.of("topic1"))));
        assertEquals(0, recorder.maxNotificationId());
    }

    @Test
    void insertedBatchesGetAscendingContiguousIdsInBatchOrder() {
        R recorder = createRecorder();

        assertEquals(List.of(1L, 2L), recorder.insertEvents(List.of(
                event(ID1, 1, "topic1", "state1"), event(ID1, 2, "topic2", "state2"))));
        assertEquals(List.of(3L), recorder.insertEvents(List.of(event(ID2, 1, "topic3", "state3"))));
        assertEquals(List.of(), recorder.insertEvents(List.of()));
        assertEquals(3, recorder.maxNotificationId());
    }

    @Test
    void aRejectedBatchAddsNoNotification() {
        R recorder = createRecorder();
        insertThreeEvents(recorder);

        assertThrows(IntegrityException.class, () -> recorder.insertEvents(List.of(
                event(ID3, 1, "topic4", "state4"), event(ID2, 1, "topic3", "state3"))));

        assertEquals(List.of(1L, 2L, 3L), ids(recorder.selectNotifications(0, 10)));
        assertEquals(3, recorder.maxNotificationId());
        List<Long> next = recorder.insertEvents(List.of(event(ID3, 1, "topic4", "state4")));
        assertEquals(1, next.size());
        assertTrue(next.get(0) > 3, "a later batch gets a greater id, was " + next);
    }

    @Test
    void notificationsCarryTheStoredEventsInIdOrder() {
        R recorder = createRecorder();
        insertThreeEvents(recorder);

        List<Notification> notifications = recorder.selectNotifications(1, 10);

        assertEquals(List.of(
                new Notification(1, ID1, 1, "topic1", bytes("state1")),
                new Notification(2, ID1, 2, "topic2", bytes("state2")),
                new Notification(3, ID2, 1, "topic3", bytes("state3"))), notifications);
        assertEquals(event(ID2, 1, "topic3", "state3"), notifications.get(2).storedEvent());
    }

    @Test
    void selectNotificationsHonoursStartStopAndExclusiveStart() {
        R recorder = createRecorder();
        insertThreeEvents(recorder);

        assertEquals(List.of(1L, 2L, 3L), ids(recorder.selectNotifications(NotificationSelection.from(1, 10))));
        assertEquals(List.of(1L, 2L), ids(recorder.selectNotifications(NotificationSelection.from(0, 10).stop(2))));
        assertEquals(List.of(2L, 3L), ids(recorder.selectNotifications(NotificationSelection.after(1, 10))));
        assertEquals(List.of(3L), ids(recorder.selectNotifications(NotificationSelection.from(2, 10).exclusiveOfStart())));
        assertEquals(List.of(2L), ids(recorder.selectNotifications(NotificationSelection.from(2, 10).stop(2))));
        assertEquals(List.of(1L, 2L), ids(recorder.selectNotifications(NotificationSelection.from(1, 10).stop(2))));
        assertEquals(List.of(2L), ids(recorder.selectNotifications(NotificationSelection.after(1, 10).stop(2))));
        assertEquals(List.of(), ids(recorder.selectNotifications(NotificationSelection.from(3, 10).stop(2))));
        assertEquals(List.of(), ids(recorder.selectNotifications(NotificationSelection.from(4, 10))));
        assertEquals(List.of(), ids(recorder.selectNotifications(NotificationSelection.after(3, 10))));
    }

    @Test
    void selectNotificationsReturnsAtMostTheLimit() {
        R recorder = createRecorder();
        insertThreeEvents(recorder);

        assertEquals(List.of(1L), ids(recorder.selectNotifications(NotificationSelection.from(0, 1))));
        assertEquals(List.of(2L), ids(recorder.selectNotifications(NotificationSelection.from(2, 1))));
        assertEquals(List.of(2L), ids(recorder.selectNotifications(NotificationSelection.after(1, 1))));
        assertEquals(List.of(2L, 3L), ids(recorder.selectNotifications(NotificationSelection.from(2, 2))));
        assertEquals(List.of(3L), ids(recorder.selectNotifications(NotificationSelection.from(3, 1))));
        assertEquals(List.of(), ids(recorder.selectNotifications(NotificationSelection.after(3, 1))));
    }

    @Test
    void selectNotificationsKeepsOnlyTheGivenTopicsAndLimitsAfterFiltering() {
        R recorder = createRecorder();
        insertThreeEvents(recorder);

        assertEquals(List.of(1L, 2L, 3L), ids(select(recorder, 1, 10, "topic1", "topic2", "topic3")));
        assertEquals(List.of(1L), ids(select(recorder, 1, 10, "topic1")));
        assertEquals(List.of(2L), ids(select(recorder, 1, 3, "topic2")));
        assertEquals(List.of(3L), ids(select(recorder, 1, 3, "topic3")));
        assertEquals(List.of(1L, 3L), ids(select(recorder, 1, 3, "topic1", "topic3")));
        assertEquals(List.of(3L), ids(select(recorder, 1, 1, "topic3")));
        assertEquals(List.of(), ids(select(recorder, 1, 10, "no such topic")));
        assertEquals(List.of(), ids(recorder.selectNotifications(
                NotificationSelection.from(1, 10).stop(2).topics(Set.of("topic3")))));
    }

    @Test
    void aStartOfZeroOrBelowSelectsFromTheFirstNotification() {
        R recorder = createRecorder();
        recorder.insertEvents(List.of(event(ID1, 1, "topic1", "state1"), event(ID1, 2, "topic2", "state2")));

        assertEquals(List.of(1L, 2L), ids(recorder.selectNotifications(0, 10)));
        assertEquals(List.of(1L, 2L), ids(recorder.selectNotifications(-1, 10)));
        assertEquals(List.of(1L, 2L), ids(recorder.selectNotifications(Long.MIN_VALUE, 10)));
        assertEquals(List.of(1L, 2L), ids(recorder.selectNotifications(NotificationSelection.after(-1, 10))));
    }

    @Test
    void aSubscriptionYieldsExistingNotificationsThenNewOnes() {
        R recorder = createRecorder();
        recorder.insertEvents(List.of(event(ID1, 1, "topic1", "state1"), event(ID1, 2, "topic2", "state2")));
        Subscription subscription = subscribe(recorder, 0, Set.of());

        assertEquals(1, nextWithin(subscription).id());
        assertEquals(2, nextWithin(subscription).id());
        assertEquals(List.of(3L), recorder.insertEvents(List.of(event(ID2, 1, "topic3", "state3"))));
        Notification third = nextWithin(subscription);

        assertEquals(new Notification(3, ID2, 1, "topic3", bytes("state3")), third);
    }

    @Test
    void aWaitingSubscriptionWakesWhenEventsAreInserted() throws Exception {
        R recorder = createRecorder();
        Subscription subscription = subscribe(recorder, 0, Set.of());
        Future<Boolean> hasNext = consumer.submit(subscription::hasNext);
        assertThrows(TimeoutException.class, () -> hasNext.get(100, TimeUnit.MILLISECONDS),
                "a subscription to an empty log waits");

        recorder.insertEvents(List.of(event(ID1, 1, "topic1", "state1")));

        assertTrue(await(hasNext));
        assertEquals(1, nextWithin(subscription).id());
    }

    @Test
    void aSubscriptionStartsAfterTheGivenPosition() {
        R recorder = createRecorder();
        insertThreeEvents(recorder);
        Subscription fromTwo = subscribe(recorder, 2, Set.of());
        Subscription fromMax = subscribe(recorder, recorder.maxNotificationId(), Set.of());

        assertEquals(3, nextWithin(fromTwo).id());
        recorder.insertEvents(List.of(event(ID3, 1, "topic4", "state4")));

        assertEquals(4, nextWithin(fromMax).id());
        assertEquals(4, nextWithin(fromTwo).id());
    }

    @Test
    void aSubscriptionYieldsOnlyTheGivenTopics() {
        R recorder = createRecorder();
        insertThreeEvents(recorder);
        Subscription subscription = subscribe(recorder, 0, Set.of("topic3"));

        assertEquals(3, nextWithin(subscription).id());
        recorder.insertEvents(List.of(event(ID3, 1, "topic1", "x"), event(ID3, 2, "topic3", "y")));

        Notification next = nextWithin(subscription);
        assertEquals(5, next.id());
        assertEquals("topic3", next.topic());
    }

    @Test
    void aSubscriptionStoppedBeforeIteratingYieldsNothing() {
        R recorder = createRecorder();
        insertThreeEvents(recorder);
        Subscription subscription = subscribe(recorder, 0, Set.of());

        subscription.stop();

        assertFalse(hasNextWithin(subscription));
        assertThrows(NoSuchElementException.class, () -> await(consumer.submit(subscription::next)));
    }

    @Test
    void aClosedSubscriptionYieldsNothing() {
        R recorder = createRecorder();
        insertThreeEvents(recorder);

        try (Subscription subscription = subscribe(recorder, 0, Set.of())) {
            subscription.close();
            assertFalse(hasNextWithin(subscription));
        }
    }

    @Test
    void stoppingASubscriptionInsideTheLoopEndsTheIteration() {
        R recorder = createRecorder();
        insertThreeEvents(recorder);
        Subscription subscription = subscribe(recorder, 0, Set.of());

        int yielded = await(consumer.submit(() -> {
            int count = 0;
            for (Notification ignored : (Iterable<Notification>) () -> subscription) {
                count++;
                subscription.stop();
            }
            return count;
        }));

        assertEquals(1, yielded);
    }

    @Test
    void stoppingASubscriptionFromAnotherThreadWakesItsWaitingReader() {
        R recorder = createRecorder();
        Subscription subscription = subscribe(recorder, 0, Set.of());
        Future<Boolean> hasNext = consumer.submit(subscription::hasNext);
        assertThrows(TimeoutException.class, () -> hasNext.get(100, TimeUnit.MILLISECONDS));

        subscription.stop();

        assertFalse(await(hasNext));
    }

    @Test
    void aSubscriptionReadsEveryNotificationInOrderWhileAWriterInserts() {
        R recorder = createRecorder();
        insertThreeEvents(recorder);
        long start = recorder.maxNotificationId();
        int batches = subscriptionBatches();
        int size = subscriptionBatchSize();
        Subscription subscription = subscribe(recorder, start, Set.of());
        Future<List<Long>> read = consumer.submit(() -> {
            List<Long> ids = new ArrayList<>();
            while (ids.size() < batches * size && subscription.hasNext()) {
                ids.add(subscription.next().id());
            }
            return ids;
        });

        for (int b = 0; b < batches; b++) {
            recorder.insertEvents(batch(UUID.randomUUID(), size, "topic"));
        }

        List<Long> ids = await(read);
        assertEquals(batches * size, ids.size());
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(start + 1 + i, ids.get(i));
        }
    }

    /** Subscribes and registers the subscription for stopping after the test. */
    protected final Subscription subscribe(R recorder, long gt, Set<String> topics) {
        Subscription subscription = recorder.subscribe(gt, topics);
        subscriptions.add(subscription);
        return subscription;
    }

    private Notification nextWithin(Subscription subscription) {
        Notification next = await(consumer.submit(() -> subscription.hasNext() ? subscription.next() : null));
        if (next == null) {
            fail("The subscription ended instead of yielding a notification");
        }
        return next;
    }

    private boolean hasNextWithin(Subscription subscription) {
        return await(consumer.submit(subscription::hasNext));
    }

    private <T> T await(Future<T> future) {
        try {
            return future.get(waitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("Nothing happened within " + waitTimeout(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<Notification> select(ApplicationRecorder recorder, long start, int limit, String... topics) {
        return recorder.selectNotifications(NotificationSelection.from(start, limit).topics(Set.of(topics)));
    }

    protected static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
