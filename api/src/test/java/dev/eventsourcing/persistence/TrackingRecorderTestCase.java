package dev.eventsourcing.persistence;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of every {@link TrackingRecorder}: positions per upstream application only grow,
 * {@code hasTrackingId} has "greater-than" semantics, and {@code waitFor} returns, times out or
 * is interrupted as documented. A backend runs it by extending this class and implementing
 * {@link #createRecorder()}.
 *
 * @param <R> the recorder type under test
 */
public abstract class TrackingRecorderTestCase<R extends TrackingRecorder> {

    private static final Duration SHORT = Duration.ofMillis(100);

    /** A new, empty recorder; called once per test. */
    protected abstract R createRecorder();

    @Test
    void aRecordedPositionCannotBeRecordedAgain() {
        R recorder = createRecorder();
        recorder.insertTracking(new Tracking("upstream1", 21));
        recorder.insertTracking(new Tracking("upstream1", 22));
        recorder.insertTracking(new Tracking("upstream2", 21));

        assertThrows(IntegrityException.class, () -> recorder.insertTracking(new Tracking("upstream1", 21)));
        assertThrows(IntegrityException.class, () -> recorder.insertTracking(new Tracking("upstream1", 22)));
        assertThrows(IntegrityException.class, () -> recorder.insertTracking(new Tracking("upstream2", 21)));

        assertEquals(22, recorder.maxTrackingId("upstream1"));
        assertEquals(21, recorder.maxTrackingId("upstream2"));
    }

    @Test
    void maxTrackingIdIsTheHighestPositionPerUpstreamOrZero() {
        R recorder = createRecorder();
        assertEquals(0, recorder.maxTrackingId("upstream1"));

        recorder.insertTracking(new Tracking("upstream1", 21));
        recorder.insertTracking(new Tracking("upstream1", 22));
        recorder.insertTracking(new Tracking("upstream2", 21));

        assertEquals(22, recorder.maxTrackingId("upstream1"));
        assertEquals(21, recorder.maxTrackingId("upstream2"));
        assertEquals(0, recorder.maxTrackingId("upstream3"));
    }

    @Test
    void hasTrackingIdIsTrueForEveryPositionUpToTheHighest() {
        R recorder = createRecorder();
        recorder.insertTracking(new Tracking("upstream1", 21));
        recorder.insertTracking(new Tracking("upstream1", 22));
        recorder.insertTracking(new Tracking("upstream2", 21));

        assertTrue(recorder.hasTrackingId("upstream1", null));
        assertTrue(recorder.hasTrackingId("upstream1", 20L));
        assertTrue(recorder.hasTrackingId("upstream1", 21L));
        assertTrue(recorder.hasTrackingId("upstream1", 22L));
        assertFalse(recorder.hasTrackingId("upstream1", 23L));
        assertTrue(recorder.hasTrackingId("upstream2", null));
        assertTrue(recorder.hasTrackingId("upstream2", 20L));
        assertTrue(recorder.hasTrackingId("upstream2", 21L));
        assertFalse(recorder.hasTrackingId("upstream2", 22L));
        assertTrue(recorder.hasTrackingId("upstream3", null));
        assertFalse(recorder.hasTrackingId("upstream3", 1L));
    }

    @Test
    void aPositionBelowTheHighestCannotFillTheGap() {
        R recorder = createRecorder();
        recorder.insertTracking(new Tracking("upstream1", 22));
        recorder.insertTracking(new Tracking("upstream1", 24));

        assertThrows(IntegrityException.class, () -> recorder.insertTracking(new Tracking("upstream1", 23)));

        assertEquals(24, recorder.maxTrackingId("upstream1"));
        assertTrue(recorder.hasTrackingId("upstream1", 23L), "the gap counts as processed");
    }

    @Test
    void aNullPositionIsRejected() {
        R recorder = createRecorder();

        assertThrows(NullPointerException.class, () -> recorder.insertTracking(null));

        assertEquals(0, recorder.maxTrackingId("upstream1"));
    }

    @Test
    void waitForReturnsOnceThePositionIsRecorded() {
        R recorder = createRecorder();
        recorder.waitFor("upstream1", null, SHORT);

        recorder.insertTracking(new Tracking("upstream1", 21));

        recorder.waitFor("upstream1", null, SHORT);
        recorder.waitFor("upstream1", 10L, SHORT);
        recorder.waitFor("upstream1", 21L, SHORT);
    }

    @Test
    void waitForTimesOutWhileThePositionIsNotRecorded() {
        R recorder = createRecorder();
        assertThrows(WaitTimeoutException.class, () -> recorder.waitFor("upstream1", 21L, SHORT));

        recorder.insertTracking(new Tracking("upstream1", 21));

        assertThrows(WaitTimeoutException.class, () -> recorder.waitFor("upstream1", 22L, SHORT));
        assertThrows(WaitTimeoutException.class, () -> recorder.waitFor("upstream2", 21L, SHORT));
    }

    @Test
    void waitForInAnInterruptedThreadFailsAndKeepsTheInterrupt() {
        R recorder = createRecorder();
        Thread.currentThread().interrupt();
        try {
            assertThrows(WaitInterruptedException.class, () -> recorder.waitFor("upstream1", 22L, Duration.ofSeconds(10)));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status is kept");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aWaitingThreadWakesWhenThePositionIsRecorded() throws Exception {
        R recorder = createRecorder();
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try {
            Future<?> waiting = waiter.submit(() -> recorder.waitFor("upstream1", 2L, Duration.ofSeconds(10)));
            assertThrows(TimeoutException.class, () -> waiting.get(SHORT.toMillis(), TimeUnit.MILLISECONDS));

            recorder.insertTracking(new Tracking("upstream1", 1));
            recorder.insertTracking(new Tracking("upstream1", 3));

            waiting.get(10, TimeUnit.SECONDS);
        } finally {
            Concurrently.stop(waiter);
        }
    }

    @Test
    void aWaitingThreadIsInterruptedWithAWaitInterruptedException() throws Exception {
        R recorder = createRecorder();
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try {
            Future<Throwable> waiting = waiter.submit(() -> {
                try {
                    recorder.waitFor("upstream1", 1L, Duration.ofSeconds(10));
                    return null;
                } catch (WaitInterruptedException expected) {
                    return expected;
                }
            });
            assertThrows(TimeoutException.class, () -> waiting.get(SHORT.toMillis(), TimeUnit.MILLISECONDS));

            waiter.shutdownNow();

            assertTrue(waiting.get(10, TimeUnit.SECONDS) instanceof WaitInterruptedException);
        } finally {
            Concurrently.stop(waiter);
        }
    }
}
