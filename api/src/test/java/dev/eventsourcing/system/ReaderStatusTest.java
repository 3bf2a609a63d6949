package dev.eventsourcing.system;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a reader's status says about lag and liveness. */
class ReaderStatusTest {

    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void lagIsTheLogsEndMinusThePositionAndItsDurationRunsFromBehindSinceToAt() {
        ReaderStatus status = status(4, 10, AT.minusSeconds(12), ReaderStatus.Activity.IDLE, AT);

        assertEquals(6, status.lag());
        assertEquals(Duration.ofSeconds(12), status.lagDuration());
    }

    @Test
    void aLogsEndBelowThePositionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> status(5, 4, null, ReaderStatus.Activity.IDLE, AT));
    }

    @Test
    void onlyARunLongerThanTheBoundIsHung() {
        ReaderStatus running = status(1, 1, null, ReaderStatus.Activity.RUNNING, AT.minusSeconds(90));

        assertTrue(running.hung(Duration.ofSeconds(60)));
        assertFalse(running.hung(Duration.ofSeconds(90)));
        assertFalse(status(1, 1, null, ReaderStatus.Activity.IDLE, AT.minusSeconds(90)).hung(Duration.ofSeconds(60)));
    }

    @Test
    void aRefusedOrStoppedWorkerIsNotAlive() {
        assertFalse(status(1, 1, null, ReaderStatus.Activity.REFUSED, AT).alive(Duration.ofMinutes(1)));
        assertFalse(status(1, 1, null, ReaderStatus.Activity.STOPPED, AT).alive(Duration.ofMinutes(1)));
        assertTrue(status(1, 1, null, ReaderStatus.Activity.IDLE, AT).alive(Duration.ofMinutes(1)));
    }

    private static ReaderStatus status(long position, long end, Instant behindSince, ReaderStatus.Activity activity,
                                       Instant activitySince) {
        return new ReaderStatus("balances", "Bank", position, end, 0, null, null, 0, 0, behindSince, activity,
                activitySince, AT);
    }
}
