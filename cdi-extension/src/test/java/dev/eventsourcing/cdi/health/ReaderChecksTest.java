package dev.eventsourcing.cdi.health;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.system.ReaderStatus;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the reader and worker checks answer for given statuses, and how their bounds are read. */
class ReaderChecksTest {

    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");
    private static final HealthSettings BOUNDS = new HealthSettings(10, Duration.ofSeconds(30), Duration.ofMinutes(1));

    @Test
    void aReaderTooFarBehindInNotificationsOrInTimeIsNotReadyAndSaysWhy() {
        ReaderStatus behind = status("balances", "Bank", 5, 20, AT.minusSeconds(45), ReaderStatus.Activity.IDLE, AT);
        ReaderStatus fine = status("balances", "Ledger", 3, 3, null, ReaderStatus.Activity.IDLE, AT);

        HealthCheckResponse response = new ReaderCheck(() -> "balances", () -> List.of(behind, fine), BOUNDS).call();

        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        Map<String, Object> data = response.getData().orElseThrow();
        assertEquals("15 notification(s) of 'Bank' behind, more than 10; behind of 'Bank' for 45 s, longer than 30 s",
                data.get("reason"));
        assertEquals(15L, data.get("Bank.lag"));
        assertEquals(45L, data.get("Bank.lag-seconds"));
        assertEquals(0L, data.get("Ledger.lag"));
    }

    @Test
    void aFailingReaderWithinItsBoundsIsReadyAndShowsTheFailure() {
        ReaderStatus failing = new ReaderStatus("balances", "Bank", 4, 5, 5, "java.lang.IllegalStateException: no",
                AT, 2, 0, AT.minusSeconds(1), ReaderStatus.Activity.IDLE, AT, AT);

        HealthCheckResponse response = new ReaderCheck(() -> "balances", () -> List.of(failing), BOUNDS).call();

        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals(5L, response.getData().orElseThrow().get("Bank.failing-id"));
        assertEquals("java.lang.IllegalStateException: no", response.getData().orElseThrow().get("Bank.last-failure"));
    }

    @Test
    void aWorkerRunningLongerThanTheBoundTurnsTheLivenessCheckDownSayingSinceWhen() {
        Instant began = AT.minusSeconds(120);
        ReaderStatus hung = status("balances", "Bank", 1, 2, began, ReaderStatus.Activity.RUNNING, began);
        ReaderStatus idle = status("audit", "Bank", 2, 2, null, ReaderStatus.Activity.IDLE, AT);

        HealthCheckResponse response = new WorkersCheck(() -> List.of(hung, idle), BOUNDS).call();

        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals(Map.of("balances/Bank", "hung since " + began, "workers", 2L), response.getData().orElseThrow());
    }

    @Test
    void aSystemThatDoesNotRunIsNeitherReadyNorLive() {
        HealthCheckResponse response = new WorkersCheck(() -> {
            throw new IllegalStateException("Event sourcing is not running");
        }, BOUNDS).call();

        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals("java.lang.IllegalStateException: Event sourcing is not running",
                response.getData().orElseThrow().get("error"));
    }

    @Test
    void theBoundsHaveDefaultsAndABadValueIsRefusedNamingTheKey() {
        assertEquals(new HealthSettings(1000, Duration.ofMinutes(1), Duration.ofMinutes(5)), HealthSettings.read(Settings.empty()));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> HealthSettings.read(Settings.of(Map.of("health.hung-after", "0"))));
        assertEquals("Setting 'health.hung-after' must be a whole number of at least 1, was '0'", e.getMessage());
    }

    private static ReaderStatus status(String reader, String upstream, long position, long end, Instant behindSince,
                                       ReaderStatus.Activity activity, Instant activitySince) {
        return new ReaderStatus(reader, upstream, position, end, 0, null, null, 0, 0, behindSince, activity,
                activitySince, AT);
    }
}
