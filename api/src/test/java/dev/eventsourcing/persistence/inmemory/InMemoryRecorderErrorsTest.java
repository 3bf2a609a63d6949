package dev.eventsourcing.persistence.inmemory;

import dev.eventsourcing.persistence.ConcurrencyConflictException;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Tracking;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The in-memory recorders' specific errors: which event they name, and how they treat bad arguments. */
class InMemoryRecorderErrorsTest {

    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-00000000000a");

    @Test
    void aConflictNamesTheFirstTakenVersionInBatchOrder() {
        InMemoryApplicationRecorder recorder = new InMemoryApplicationRecorder();
        recorder.insertEvents(List.of(event(1), event(2), event(3)));

        ConcurrencyConflictException conflict = assertThrows(ConcurrencyConflictException.class,
                () -> recorder.insertEvents(List.of(event(4), event(3), event(2))));

        assertEquals(ID, conflict.originatorId());
        assertEquals(3, conflict.originatorVersion());
        assertEquals("Event of " + ID + " at version 3 is recorded already", conflict.getMessage());
    }

    @Test
    void aVersionRepeatedInOneBatchIsAnIntegrityErrorSayingSo() {
        InMemoryAggregateRecorder recorder = new InMemoryAggregateRecorder();

        IntegrityException error = assertThrows(IntegrityException.class,
                () -> recorder.insertEvents(List.of(event(1), event(2), event(1))));

        assertEquals("The batch holds more than one event of " + ID + " at version 1", error.getMessage());
        assertEquals(List.of(), recorder.selectEvents(ID));
    }

    @Test
    void aRejectedBatchTakesNoNotificationIdSoIdsStayGapFree() {
        InMemoryApplicationRecorder recorder = new InMemoryApplicationRecorder();
        recorder.insertEvents(List.of(event(1)));

        assertThrows(IntegrityException.class, () -> recorder.insertEvents(List.of(event(2), event(1))));

        assertEquals(List.of(2L, 3L), recorder.insertEvents(List.of(event(2), event(3))));
    }

    @Test
    void nullArgumentsAreRejectedWithTheirNames() {
        InMemoryProcessRecorder recorder = new InMemoryProcessRecorder();

        assertEquals("events", assertThrows(NullPointerException.class, () -> recorder.insertEvents(null)).getMessage());
        assertEquals("Event 1 of the batch is null", assertThrows(NullPointerException.class,
                () -> recorder.insertEvents(java.util.Arrays.asList(event(1), null))).getMessage());
        assertEquals("originatorId", assertThrows(NullPointerException.class, () -> recorder.selectEvents(null)).getMessage());
        assertEquals("selection", assertThrows(NullPointerException.class, () -> recorder.selectNotifications(null)).getMessage());
        assertEquals("topics", assertThrows(NullPointerException.class, () -> recorder.subscribe(0, null)).getMessage());
        assertEquals("applicationName", assertThrows(NullPointerException.class, () -> recorder.maxTrackingId(null)).getMessage());
        assertEquals("timeout", assertThrows(NullPointerException.class,
                () -> recorder.waitFor("upstream", 1L, null)).getMessage());
    }

    @Test
    void aTrackingConflictSaysWhichPositionIsRecorded() {
        InMemoryTrackingRecorder recorder = new InMemoryTrackingRecorder();
        recorder.insertTracking(new Tracking("upstream", 5));

        IntegrityException error = assertThrows(IntegrityException.class,
                () -> recorder.insertTracking(new Tracking("upstream", 4)));

        assertEquals("Position 4 of 'upstream' is not above the highest recorded position 5", error.getMessage());
    }

    @Test
    void waitForRejectsANegativeTimeoutAndAcceptsOneTooLongToCountInNanoseconds() {
        InMemoryTrackingRecorder recorder = new InMemoryTrackingRecorder();
        recorder.insertTracking(new Tracking("upstream", 1));

        assertThrows(IllegalArgumentException.class, () -> recorder.waitFor("upstream", 1L, Duration.ofMillis(-1)));

        recorder.waitFor("upstream", 1L, Duration.ofSeconds(Long.MAX_VALUE));
    }

    private static StoredEvent event(long version) {
        return new StoredEvent(ID, version, "topic", "{}".getBytes(StandardCharsets.UTF_8));
    }
}
