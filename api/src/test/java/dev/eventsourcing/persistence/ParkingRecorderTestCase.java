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
 * The contract of every {@link ParkingRecorder}: parking is idempotent until a notification is
 * resolved, a resolution is recorded once with its time, and selections filter and order as
 * documented. A backend runs it by extending this class and implementing
 * {@link #createRecorder()}. Times have millisecond precision, which every database keeps.
 *
 * @param <R> the recorder type under test
 */
public abstract class ParkingRecorderTestCase<R extends ParkingRecorder> {

    private static final Instant PARKED_AT = Instant.parse("2026-03-01T12:00:00.123Z");
    private static final Instant LATER = Instant.parse("2026-03-01T13:30:00.456Z");

    /** A new, empty recorder; called once per test. */
    protected abstract R createRecorder();

    private static ParkedNotification parked(String reader, String upstream, long id, UUID originator, int attempts,
                                             long behind) {
        return new ParkedNotification(reader, upstream, id, originator, id, "com.example.Event", "java.lang.Error: " + id,
                "java.lang.Error: " + id + "\n\tat Example.handle(Example.java:1)\n", attempts, PARKED_AT, behind,
                Status.PARKED, null);
    }

    @Test
    void aParkedNotificationIsReadBackAsItWasParked() {
        R recorder = createRecorder();
        ParkedNotification parked = parked("balances", "Bank", 7, UUID.randomUUID(), 3, 0);
        recorder.park(parked);

        assertEquals(Optional.of(parked), recorder.get("balances", "Bank", 7));
        assertEquals(Optional.empty(), recorder.get("balances", "Bank", 8));
        assertEquals(Optional.empty(), recorder.get("others", "Bank", 7));
    }

    @Test
    void parkingAgainReplacesTheErrorAttemptsAndTimeWithoutADuplicate() {
        R recorder = createRecorder();
        UUID originator = UUID.randomUUID();
        recorder.park(parked("balances", "Bank", 7, originator, 1, 0));
        ParkedNotification again = new ParkedNotification("balances", "Bank", 7, originator, 7, "com.example.Event",
                "java.lang.Error: again", "", 2, LATER, 0, Status.PARKED, null);
        recorder.park(again);

        assertEquals(List.of(again), recorder.select("balances", null, 10));
    }

    @Test
    void aResolvedNotificationIsNotParkedAgain() {
        R recorder = createRecorder();
        ParkedNotification parked = parked("balances", "Bank", 7, UUID.randomUUID(), 1, 0);
        recorder.park(parked);
        recorder.resolve("balances", "Bank", 7, Status.SKIPPED, LATER);

        assertThrows(IntegrityException.class, () -> recorder.park(parked));
        assertEquals(Status.SKIPPED, recorder.get("balances", "Bank", 7).orElseThrow().status());
    }

    @Test
    void aResolutionIsRecordedOnceWithItsTime() {
        R recorder = createRecorder();
        ParkedNotification parked = parked("balances", "Bank", 7, UUID.randomUUID(), 1, 0);
        recorder.park(parked);

        recorder.resolve("balances", "Bank", 7, Status.RETRIED, LATER);

        assertEquals(parked.resolved(Status.RETRIED, LATER), recorder.get("balances", "Bank", 7).orElseThrow());
        assertThrows(IntegrityException.class, () -> recorder.resolve("balances", "Bank", 7, Status.SKIPPED, LATER));
        assertThrows(IntegrityException.class, () -> recorder.resolve("balances", "Bank", 8, Status.SKIPPED, LATER));
        assertThrows(IllegalArgumentException.class,
                () -> recorder.resolve("balances", "Bank", 7, Status.PARKED, LATER));
    }

    @Test
    void parkedOriginatorsAreThoseWithUnresolvedNotificationsOfTheReaderInTheLog() {
        R recorder = createRecorder();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID resolved = UUID.randomUUID();
        recorder.park(parked("balances", "Bank", 1, first, 1, 0));
        recorder.park(parked("balances", "Bank", 2, first, 0, 1));
        recorder.park(parked("balances", "Bank", 3, second, 1, 0));
        recorder.park(parked("balances", "Bank", 4, resolved, 1, 0));
        recorder.park(parked("balances", "Other", 5, UUID.randomUUID(), 1, 0));
        recorder.park(parked("others", "Bank", 6, UUID.randomUUID(), 1, 0));
        recorder.resolve("balances", "Bank", 4, Status.RETRIED, LATER);

        assertEquals(Set.of(first, second), recorder.parkedOriginators("balances", "Bank"));
        assertTrue(recorder.isParked("balances", "Bank", first));
        assertFalse(recorder.isParked("balances", "Bank", resolved));
        assertFalse(recorder.isParked("balances", "Other", first));
        assertEquals(Set.of(), recorder.parkedOriginators("nobody", "Bank"));
    }

    @Test
    void selectFiltersByReaderAndStatusOrderedByReaderLogAndIdUpToTheLimit() {
        R recorder = createRecorder();
        recorder.park(parked("b-reader", "Bank", 9, UUID.randomUUID(), 1, 0));
        recorder.park(parked("a-reader", "Other", 2, UUID.randomUUID(), 1, 0));
        recorder.park(parked("a-reader", "Bank", 5, UUID.randomUUID(), 1, 0));
        recorder.park(parked("a-reader", "Bank", 3, UUID.randomUUID(), 1, 0));
        recorder.resolve("a-reader", "Bank", 5, Status.SKIPPED, LATER);

        assertEquals(List.of("a-reader/Bank/3", "a-reader/Bank/5", "a-reader/Other/2", "b-reader/Bank/9"),
                keys(recorder.select(null, null, 10)));
        assertEquals(List.of("a-reader/Bank/3", "a-reader/Other/2"), keys(recorder.select("a-reader", Status.PARKED, 10)));
        assertEquals(List.of("a-reader/Bank/5"), keys(recorder.select(null, Status.SKIPPED, 10)));
        assertEquals(List.of("a-reader/Bank/3", "a-reader/Bank/5"), keys(recorder.select(null, null, 2)));
        assertEquals(List.of(), recorder.select("nobody", null, 10));
    }

    @Test
    void idsAreOrderedAsNumbersNotAsText() {
        R recorder = createRecorder();
        for (long id : new long[] {10, 2, 100, 9}) {
            recorder.park(parked("balances", "Bank", id, UUID.randomUUID(), 1, 0));
        }

        assertEquals(List.of("balances/Bank/2", "balances/Bank/9", "balances/Bank/10", "balances/Bank/100"),
                keys(recorder.select("balances", Status.PARKED, 10)));
    }

    @Test
    void aLongErrorAndStackTraceAreStoredWhole() {
        R recorder = createRecorder();
        String error = "com.fasterxml.jackson.databind.exc.MismatchedInputException: Überweisung für "
                + "x".repeat(1_800) + " (Größe 42 €)";
        StringBuilder stackTrace = new StringBuilder(error).append('\n');
        for (int frame = 0; stackTrace.length() < 60_000; frame++) {
            stackTrace.append("\tat com.example.Balances.on(Balances.java:").append(frame).append(")\n");
        }
        ParkedNotification parked = new ParkedNotification("balances", "Bank", 7, UUID.randomUUID(), 1,
                "com.example.Event", error, stackTrace.toString(), 5, PARKED_AT, 0, Status.PARKED, null);

        recorder.park(parked);

        ParkedNotification read = recorder.get("balances", "Bank", 7).orElseThrow();
        assertEquals(error, read.error());
        assertEquals(stackTrace.toString(), read.stackTrace());
    }

    @Test
    void aMissingStackTraceIsReadBackEmpty() {
        R recorder = createRecorder();
        recorder.park(new ParkedNotification("balances", "Bank", 7, UUID.randomUUID(), 1, "com.example.Event",
                "parked behind notification 6", null, 0, PARKED_AT, 6, Status.PARKED, null));

        assertEquals("", recorder.get("balances", "Bank", 7).orElseThrow().stackTrace());
    }

    private static List<String> keys(List<ParkedNotification> parked) {
        return parked.stream().map(p -> p.reader() + "/" + p.upstream() + "/" + p.notificationId()).toList();
    }
}
