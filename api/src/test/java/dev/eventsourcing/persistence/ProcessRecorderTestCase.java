package dev.eventsourcing.persistence;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of every {@link ProcessRecorder}: the application recorder contract, plus events
 * and tracking position recorded atomically (both or neither) and exactly once. Run
 * {@link TrackingRecorderTestCase} on the same recorder type for the rest of the tracking
 * contract. A backend runs it by extending this class and implementing {@link #createRecorder()}.
 *
 * @param <R> the recorder type under test
 */
public abstract class ProcessRecorderTestCase<R extends ProcessRecorder> extends ApplicationRecorderTestCase<R> {

    private static final String UPSTREAM = "upstream_app";

    @Test
    void eventsAndTrackingAreRecordedBothOrNeither() {
        R recorder = createRecorder();
        StoredEvent e1 = event(ID1, 1, "topic1", "state1");
        StoredEvent e2 = event(ID1, 2, "topic2", "state2");
        StoredEvent e3 = event(ID1, 3, "topic3", "state3");
        StoredEvent e4 = event(ID1, 4, "topic4", "state4");
        assertEquals(0, recorder.maxTrackingId(UPSTREAM));

        assertEquals(List.of(1L, 2L), recorder.insertEvents(List.of(e1, e2), new Tracking(UPSTREAM, 1)));
        assertEquals(1, recorder.maxTrackingId(UPSTREAM));

        assertThrows(IntegrityException.class, () -> recorder.insertEvents(List.of(e2), new Tracking(UPSTREAM, 2)));
        assertEquals(1, recorder.maxTrackingId(UPSTREAM), "a taken version records no position");

        assertThrows(IntegrityException.class, () -> recorder.insertEvents(List.of(e3), new Tracking(UPSTREAM, 1)));
        assertEquals(List.of(e1, e2), recorder.selectEvents(ID1), "a recorded position stores no events");
        assertEquals(2, recorder.maxNotificationId());

        // Rejected batches may leave gaps (a database sequence does not roll back): expect order only.
        List<Long> third = recorder.insertEvents(List.of(e3), new Tracking(UPSTREAM, 2));
        assertEquals(1, third.size());
        assertTrue(third.get(0) > 2, "the next id is above the last, was " + third);
        assertEquals(2, recorder.maxTrackingId(UPSTREAM));

        List<Long> fourth = recorder.insertEvents(List.of(e4), null);
        assertEquals(1, fourth.size());
        assertTrue(fourth.get(0) > third.get(0), "the next id is above the last, was " + fourth);
        assertEquals(2, recorder.maxTrackingId(UPSTREAM), "events without tracking leave the position alone");
        assertEquals(List.of(e1, e2, e3, e4), recorder.selectEvents(ID1));
        assertEquals(List.of(1L, 2L, third.get(0), fourth.get(0)), ids(recorder.selectNotifications(0, 10)));
    }

    @Test
    void anEmptyEventListStillRecordsTheTrackingPosition() {
        R recorder = createRecorder();
        assertTrue(recorder.hasTrackingId(UPSTREAM, null));
        assertFalse(recorder.hasTrackingId(UPSTREAM, 1L));

        assertEquals(List.of(), recorder.insertEvents(List.of(), new Tracking(UPSTREAM, 1)));

        assertTrue(recorder.hasTrackingId(UPSTREAM, 1L));
        assertFalse(recorder.hasTrackingId(UPSTREAM, 2L));
        assertEquals(0, recorder.maxNotificationId());

        recorder.insertEvents(List.of(), new Tracking(UPSTREAM, 3));

        assertTrue(recorder.hasTrackingId(UPSTREAM, 1L));
        assertTrue(recorder.hasTrackingId(UPSTREAM, 2L), "positions have greater-than semantics");
        assertTrue(recorder.hasTrackingId(UPSTREAM, 3L));
        assertFalse(recorder.hasTrackingId(UPSTREAM, 4L));
    }

    @Test
    void aLowerPositionInsertedLaterIsRejected() {
        R recorder = createRecorder();
        recorder.insertEvents(List.of(), new Tracking(UPSTREAM, 2));

        assertThrows(IntegrityException.class, () -> recorder.insertEvents(List.of(), new Tracking(UPSTREAM, 1)));

        assertEquals(2, recorder.maxTrackingId(UPSTREAM));
    }

    @Test
    void positionsOfDifferentUpstreamApplicationsAreIndependent() {
        R recorder = createRecorder();
        recorder.insertEvents(List.of(event(ID1, 1, "topic1", "state1")), new Tracking(UPSTREAM, 5));

        recorder.insertEvents(List.of(event(ID1, 2, "topic2", "state2")), new Tracking("other_app", 1));

        assertEquals(5, recorder.maxTrackingId(UPSTREAM));
        assertEquals(1, recorder.maxTrackingId("other_app"));
        assertEquals(2, recorder.selectEvents(ID1).size());
    }

    @Test
    void insertTrackingAloneRecordsThePosition() {
        R recorder = createRecorder();

        recorder.insertTracking(new Tracking(UPSTREAM, 5));

        assertEquals(5, recorder.maxTrackingId(UPSTREAM));
        assertEquals(0, recorder.maxNotificationId());
    }

    @Test
    void waitForReturnsOnceEventsWithTheirPositionAreRecorded() {
        R recorder = createRecorder();
        assertThrows(WaitTimeoutException.class, () -> recorder.waitFor(UPSTREAM, 1L, Duration.ofMillis(100)));

        recorder.insertEvents(List.of(event(ID1, 1, "topic1", "state1")), new Tracking(UPSTREAM, 1));

        recorder.waitFor(UPSTREAM, 1L, Duration.ofMillis(100));
    }

    @Test
    void processorsRacingForTheSamePositionLeaveOneWinnerWhoseEventsAloneAreStored() {
        R recorder = createRecorder();
        int processors = conflictingWriters();
        UUID[] originators = new UUID[processors];
        for (int i = 0; i < processors; i++) {
            originators[i] = UUID.randomUUID();
        }

        List<Boolean> won = Concurrently.run(processors, concurrencyTimeout(), i -> {
            try {
                recorder.insertEvents(batch(originators[i], 3, "processed"), new Tracking(UPSTREAM, 7));
                return true;
            } catch (IntegrityException expected) {
                return false;
            }
        });

        assertEquals(1, won.stream().filter(w -> w).count(), "processors that recorded the position");
        int winner = won.indexOf(true);
        for (int i = 0; i < processors; i++) {
            assertEquals(i == winner ? 3 : 0, recorder.selectEvents(originators[i]).size(), "events of processor " + i);
        }
        assertEquals(3, recorder.selectNotifications(0, 10).size(), "notifications stored");
        assertEquals(7, recorder.maxTrackingId(UPSTREAM));
    }
}
