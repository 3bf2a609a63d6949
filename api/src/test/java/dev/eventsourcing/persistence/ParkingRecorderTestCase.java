package dev.eventsourcing.persistence;

import dev.eventsourcing.persistence.ParkedNotification.Status;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of every {@link ParkingRecorder}: parking is an idempotent upsert until the
 * notification is resolved, only notifications still parked count as parked, selections filter,
 * order and limit as documented, and resolving records the outcome and its time once. A backend
 * runs it by extending this class and implementing {@link #createRecorder()}.
 *
 * <p>Times are given to the microsecond, the precision every database keeps.
 *
 * @param <R> the recorder type under test
 */
public abstract class ParkingRecorderTestCase<R extends ParkingRecorder> {

    protected static final Instant PARKED_AT = Instant.parse("2026-03-29T02:30:00.123456Z");
    protected static final Instant LATER = Instant.parse("2026-03-29T02:31:07.654321Z");
    protected static final Instant RESOLVED_AT = Instant.parse("2026-04-01T10:00:00.000001Z");

    protected static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    protected static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    protected static final UUID CAROL = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    /** A new recorder of an empty store (no notification parked by any reader); called once per test. */
    protected abstract R createRecorder();

    /** A notification of the originator that failed itself, after one attempt. */
    protected static ParkedNotification parked(String reader, String upstream, long id, UUID originatorId) {
        return new ParkedNotification(reader, upstream, id, originatorId, id, "bank.Deposited",
                "java.lang.IllegalStateException: no account " + originatorId,
                "java.lang.IllegalStateException: no account\n\tat bank.Balances.on(Balances.java:42)\n",
                1, PARKED_AT, 0, Status.PARKED, null);
    }

    @Test
    void aParkedNotificationIsRecordedAsGiven() {
        R recorder = createRecorder();
        ParkedNotification parked = parked("balances", "bank", 7, ALICE);

        recorder.park(parked);

        assertEquals(Optional.of(parked), recorder.get("balances", "bank", 7));
        assertTrue(recorder.isParked("balances", "bank", ALICE));
    }

    @Test
    void aNotificationParkedBehindAnotherKeepsWhichOne() {
        R recorder = createRecorder();
        ParkedNotification behind = new ParkedNotification("balances", "bank", 9, ALICE, 3, "bank.Withdrawn",
                "parked behind notification 7", "", 0, LATER, 7, Status.PARKED, null);

        recorder.park(behind);

        assertEquals(Optional.of(behind), recorder.get("balances", "bank", 9));
    }

    @Test
    void parkingAgainReplacesTheErrorTheAttemptsAndTheTime() {
        R recorder = createRecorder();
        recorder.park(parked("balances", "bank", 7, ALICE));
        ParkedNotification again = new ParkedNotification("balances", "bank", 7, ALICE, 7, "bank.Deposited",
                "java.io.UncheckedIOException: disk full", "java.io.UncheckedIOException: disk full\n", 3, LATER, 0,
                Status.PARKED, null);

        recorder.park(again);

        assertEquals(Optional.of(again), recorder.get("balances", "bank", 7));
        assertEquals(List.of(again), recorder.select("balances", null, 10));
    }

    @Test
    void aResolvedNotificationIsNotParkedAgain() {
        R recorder = createRecorder();
        recorder.park(parked("balances", "bank", 7, ALICE));
        recorder.park(parked("balances", "bank", 8, BOB));
        recorder.resolve("balances", "bank", 7, Status.RETRIED, RESOLVED_AT);
        recorder.resolve("balances", "bank", 8, Status.SKIPPED, RESOLVED_AT);

        assertThrows(IntegrityException.class, () -> recorder.park(parked("balances", "bank", 7, ALICE)));
        assertThrows(IntegrityException.class, () -> recorder.park(parked("balances", "bank", 8, BOB)));

        assertEquals(Status.RETRIED, recorder.get("balances", "bank", 7).orElseThrow().status());
        assertEquals(Status.SKIPPED, recorder.get("balances", "bank", 8).orElseThrow().status());
        assertFalse(recorder.isParked("balances", "bank", ALICE));
    }

    @Test
    void onlyNotificationsStillParkedCountAsParked() {
        R recorder = createRecorder();
        recorder.park(parked("balances", "bank", 1, ALICE));
        recorder.park(parked("balances", "bank", 2, BOB));
        recorder.park(parked("balances", "bank", 3, ALICE));
        recorder.park(parked("statements", "bank", 4, CAROL));
        recorder.park(parked("balances", "shop", 5, CAROL));
        recorder.resolve("balances", "bank", 2, Status.SKIPPED, RESOLVED_AT);

        assertTrue(recorder.isParked("balances", "bank", ALICE));
        assertFalse(recorder.isParked("balances", "bank", BOB), "resolved");
        assertFalse(recorder.isParked("balances", "bank", CAROL), "parked by another reader or in another log");
        assertEquals(Set.of(ALICE), recorder.parkedOriginators("balances", "bank"));
        assertEquals(Set.of(CAROL), recorder.parkedOriginators("balances", "shop"));
        assertEquals(Set.of(CAROL), recorder.parkedOriginators("statements", "bank"));
        assertEquals(Set.of(), recorder.parkedOriginators("statements", "shop"));

        recorder.resolve("balances", "bank", 1, Status.RETRIED, RESOLVED_AT);
        assertTrue(recorder.isParked("balances", "bank", ALICE), "notification 3 is still parked");
        recorder.resolve("balances", "bank", 3, Status.RETRIED, RESOLVED_AT);

        assertFalse(recorder.isParked("balances", "bank", ALICE));
        assertEquals(Set.of(), recorder.parkedOriginators("balances", "bank"));
    }

    @Test
    void getFindsNothingForANotificationNeverParked() {
        R recorder = createRecorder();
        recorder.park(parked("balances", "bank", 7, ALICE));

        assertEquals(Optional.empty(), recorder.get("balances", "bank", 8));
        assertEquals(Optional.empty(), recorder.get("balances", "shop", 7));
        assertEquals(Optional.empty(), recorder.get("statements", "bank", 7));
    }

    @Test
    void selectFiltersByReaderAndStatusOrderedByReaderUpstreamAndId() {
        R recorder = createRecorder();
        // Parked out of order, with ids that sort differently as text (10 before 2).
        ParkedNotification b10 = parked("balances", "shop", 10, ALICE);
        ParkedNotification a10 = parked("balances", "bank", 10, BOB);
        ParkedNotification s1 = parked("statements", "bank", 1, CAROL);
        ParkedNotification a2 = parked("balances", "bank", 2, ALICE);
        ParkedNotification b3 = parked("balances", "shop", 3, CAROL);
        for (ParkedNotification p : List.of(b10, a10, s1, a2, b3)) {
            recorder.park(p);
        }
        recorder.resolve("balances", "bank", 10, Status.RETRIED, RESOLVED_AT);
        recorder.resolve("statements", "bank", 1, Status.SKIPPED, RESOLVED_AT);
        ParkedNotification a10retried = a10.resolved(Status.RETRIED, RESOLVED_AT);
        ParkedNotification s1skipped = s1.resolved(Status.SKIPPED, RESOLVED_AT);

        assertEquals(List.of(a2, a10retried, b3, b10, s1skipped), recorder.select(null, null, 100));
        assertEquals(List.of(a2, a10retried, b3, b10), recorder.select("balances", null, 100));
        assertEquals(List.of(a2, b3, b10), recorder.select(null, Status.PARKED, 100));
        assertEquals(List.of(a10retried), recorder.select("balances", Status.RETRIED, 100));
        assertEquals(List.of(s1skipped), recorder.select(null, Status.SKIPPED, 100));
        assertEquals(List.of(), recorder.select("statements", Status.PARKED, 100));
        assertEquals(List.of(), recorder.select("projections", null, 100));
    }

    @Test
    void selectReturnsAtMostTheLimitFromTheStart() {
        R recorder = createRecorder();
        for (long id = 1; id <= 5; id++) {
            recorder.park(parked("balances", "bank", id, ALICE));
        }

        assertEquals(List.of(1L, 2L), ids(recorder.select("balances", Status.PARKED, 2)));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids(recorder.select(null, null, 5)));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids(recorder.select(null, null, 6)));
    }

    @Test
    void resolveRecordsRetriedOrSkippedWithItsTime() {
        R recorder = createRecorder();
        ParkedNotification seven = parked("balances", "bank", 7, ALICE);
        ParkedNotification eight = parked("balances", "bank", 8, BOB);
        recorder.park(seven);
        recorder.park(eight);

        recorder.resolve("balances", "bank", 7, Status.RETRIED, RESOLVED_AT);
        recorder.resolve("balances", "bank", 8, Status.SKIPPED, LATER);

        assertEquals(Optional.of(seven.resolved(Status.RETRIED, RESOLVED_AT)), recorder.get("balances", "bank", 7));
        assertEquals(Optional.of(eight.resolved(Status.SKIPPED, LATER)), recorder.get("balances", "bank", 8));
        assertEquals(List.of(), recorder.select("balances", Status.PARKED, 10));
    }

    @Test
    void resolvingANotificationThatIsNotParkedFails() {
        R recorder = createRecorder();
        recorder.park(parked("balances", "bank", 7, ALICE));
        recorder.resolve("balances", "bank", 7, Status.SKIPPED, RESOLVED_AT);

        assertThrows(IntegrityException.class, () -> recorder.resolve("balances", "bank", 8, Status.RETRIED, LATER));
        assertThrows(IntegrityException.class, () -> recorder.resolve("balances", "shop", 7, Status.RETRIED, LATER));
        assertThrows(IntegrityException.class, () -> recorder.resolve("balances", "bank", 7, Status.RETRIED, LATER));

        ParkedNotification seven = recorder.get("balances", "bank", 7).orElseThrow();
        assertEquals(Status.SKIPPED, seven.status(), "the first resolution stays");
        assertEquals(RESOLVED_AT, seven.resolvedAt());
        assertEquals(Optional.empty(), recorder.get("balances", "bank", 8));
    }

    @Test
    void resolvingAsParkedIsRefused() {
        R recorder = createRecorder();
        ParkedNotification seven = parked("balances", "bank", 7, ALICE);
        recorder.park(seven);

        assertThrows(IllegalArgumentException.class,
                () -> recorder.resolve("balances", "bank", 7, Status.PARKED, RESOLVED_AT));

        assertEquals(Optional.of(seven), recorder.get("balances", "bank", 7));
    }

    @Test
    void aLongErrorAndStackTraceAreStoredWhole() {
        R recorder = createRecorder();
        String error = "com.fasterxml.jackson.databind.exc.MismatchedInputException: Überweisung für "
                + "x".repeat(1_800) + " (Größe 42 €)";
        StringBuilder stackTrace = new StringBuilder(error).append('\n');
        for (int frame = 0; stackTrace.length() < 60_000; frame++) {
            stackTrace.append("\tat dev.eventsourcing.example.bank.Balances.on(Balances.java:").append(frame).append(")\n");
        }
        ParkedNotification parked = new ParkedNotification("balances", "bank", 7, ALICE, 1, "bank.Deposited", error,
                stackTrace.toString(), 5, PARKED_AT, 0, Status.PARKED, null);

        recorder.park(parked);

        ParkedNotification read = recorder.get("balances", "bank", 7).orElseThrow();
        assertEquals(error, read.error());
        assertEquals(stackTrace.toString(), read.stackTrace());
    }

    @Test
    void anEmptyStackTraceIsStoredAsEmpty() {
        R recorder = createRecorder();
        ParkedNotification parked = new ParkedNotification("balances", "bank", 7, ALICE, 1, "bank.Deposited",
                "parked behind notification 6", null, 0, PARKED_AT, 6, Status.PARKED, null);

        recorder.park(parked);

        assertEquals("", recorder.get("balances", "bank", 7).orElseThrow().stackTrace());
    }

    private static List<Long> ids(List<ParkedNotification> parked) {
        return parked.stream().map(ParkedNotification::notificationId).toList();
    }
}
