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
 * The subscription contract of an {@link ApplicationRecorder}: a subscription yields what is
 * recorded and what is recorded later, in order, from a position and for topics, wakes when
 * events are inserted, and ends when stopped. Every blocking call runs in a consumer thread and
 * is bounded by {@link #waitTimeout()}. Part of {@link ApplicationRecorderTestCase}; extend that
 * class, not this one.
 *
 * @param <R> the recorder type under test
 */
public abstract class ApplicationRecorderSubscriptionTestCase<R extends ApplicationRecorder>
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

    /** Batches a writer inserts while a subscription reads them. */
    protected int subscriptionBatches() {
        return 20;
    }

    /** Events per batch while a subscription reads them. */
    protected int subscriptionBatchSize() {
        return 100;
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

        Subscription subscription = subscribe(recorder, 0, Set.of());

        subscription.close();

        assertFalse(hasNextWithin(subscription));
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

    protected static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
