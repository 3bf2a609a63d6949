package dev.eventsourcing.dcb;

import dev.eventsourcing.persistence.Concurrently;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a {@link DcbSubscription} guarantees: it delivers what is stored, blocks, wakes on the
 * next append, ends when stopped, and never skips or repeats an event while writers race. Part of
 * {@link DcbRecorderTestCase}; extend that class, not this one.
 *
 * @param <R> the recorder type under test
 */
public abstract class DcbRecorderSubscriptionTestCase<R extends DcbRecorder> extends DcbRecorderConcurrencyTestCase<R> {

    /** @return how soon a subscription must deliver an event appended while it waits */
    protected Duration subscriptionLatency() {
        return Duration.ofSeconds(1);
    }

    @Test
    void aSubscriptionDeliversWhatIsStoredThenBlocksAndWakesOnTheNextAppend() throws Exception {
        R recorder = createRecorder();
        recorder.append(List.of(event("type1", "e1", "X")));
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (DcbSubscription subscription = recorder.subscribe(DcbQuery.all(), 0)) {
            assertTrue(subscription.hasNext());
            assertEquals(1, subscription.next().position());

            Future<DcbSequencedEvent> next = reader.submit(subscription::next);
            assertThrows(TimeoutException.class, () -> next.get(500, TimeUnit.MILLISECONDS), "blocks while nothing is new");
            recorder.append(List.of(event("type2", "e2", "Y")));
            DcbSequencedEvent woken = next.get(subscriptionLatency().toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(2, woken.position());
            assertEquals("type2", woken.event().type());

            Future<Boolean> waiting = reader.submit(subscription::hasNext);
            assertThrows(TimeoutException.class, () -> waiting.get(100, TimeUnit.MILLISECONDS));
            subscription.stop();
            assertFalse(waiting.get(subscriptionLatency().toMillis(), TimeUnit.MILLISECONDS), "ends once stopped");
        } finally {
            Concurrently.stop(reader);
        }
    }

    @Test
    void aSubscriptionDeliversOnlyMatchingEventsAfterItsPosition() throws Exception {
        R recorder = threeEvents();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (DcbSubscription subscription = recorder.subscribe(query(item("", "A")), 2)) {
            assertEquals(3, subscription.next().position());
            Future<DcbSequencedEvent> next = reader.submit(subscription::next);
            recorder.append(List.of(event("type1", "skipped", "X")));
            long matching = recorder.append(List.of(event("type4", "e4", "A")));
            assertEquals(matching, next.get(subscriptionLatency().toMillis(), TimeUnit.MILLISECONDS).position());
        } finally {
            Concurrently.stop(reader);
        }
    }

    @Test
    void aSubscriptionNeverSkipsNorRepeatsAnEventUnderConcurrentWriters() throws Exception {
        R recorder = createRecorder();
        DcbQuery watched = query(item("", "watched"));
        LinkedBlockingQueue<Long> delivered = new LinkedBlockingQueue<>();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (DcbSubscription subscription = recorder.subscribe(watched, 0)) {
            reader.submit(() -> subscription.forEachRemaining(event -> delivered.add(event.position())));

            Concurrently.run(concurrentWriters(), concurrencyTimeout(), writer -> {
                appendMixedBatches(recorder, writer, appendsPerWriter());
                return null;
            });

            List<Long> expected = positions(recorder.read(watched, 0));
            List<Long> received = new ArrayList<>();
            long deadline = System.nanoTime() + concurrencyTimeout().toNanos();
            while (received.size() < expected.size() && System.nanoTime() < deadline) {
                Long position = delivered.poll(100, TimeUnit.MILLISECONDS);
                if (position != null) {
                    received.add(position);
                }
            }
            assertEquals(expected, received);
            assertNull(delivered.poll(200, TimeUnit.MILLISECONDS), "nothing more is delivered");
        } finally {
            Concurrently.stop(reader);
        }
    }
}
