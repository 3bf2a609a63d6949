package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.persistence.ParkedNotification;
import dev.eventsourcing.persistence.ParkedNotification.Status;
import dev.eventsourcing.persistence.ParkingRecorderTestCase;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The parking contract on JPA, and what the JPA recorder adds to it: text that does not fit a
 * column is shortened rather than refused, times are kept to the microsecond, and two nodes that
 * park the same notification at once both succeed, with nothing logged.
 */
abstract class JpaParkingRecorderTestCase extends ParkingRecorderTestCase<JpaParkingRecorder> {

    private static final Instant PARKED_AT = Instant.parse("2026-03-29T02:30:00.123456Z");
    static final Instant LATER = Instant.parse("2026-03-29T02:31:07.654321Z");
    static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    /** The test class's database. */
    protected abstract TestDatabase database();

    @Override
    protected JpaParkingRecorder createRecorder() {
        try (Connection connection = database().connection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM es_parked");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new JpaParkingRecorder(database().transactions(), database().strategy());
    }

    @Test
    void anOverlongErrorIsCutInsteadOfRefused() {
        JpaParkingRecorder recorder = createRecorder();
        String error = "java.lang.IllegalStateException: " + "ä".repeat(10_000);

        recorder.park(withText(error, ""));

        String stored = recorder.get("balances", "bank", 7).orElseThrow().error();
        assertEquals(ParkedRows.ERROR_LENGTH, stored.length(), stored);
        assertTrue(stored.startsWith(error.substring(0, 3000)));
        assertTrue(stored.endsWith("characters left out]"), stored.substring(3900));
    }

    @Test
    void anOverlongStackTraceKeepsItsBeginningAndItsRootCause() {
        JpaParkingRecorder recorder = createRecorder();
        String stackTrace = "java.lang.StackOverflowError\n" + "\tat bank.Balances.on(Balances.java:42)\n".repeat(5_000)
                + "Caused by: java.io.IOException: the root cause 😱\n";

        recorder.park(withText("java.lang.StackOverflowError", stackTrace));

        String stored = recorder.get("balances", "bank", 7).orElseThrow().stackTrace();
        assertTrue(stored.length() <= ParkedRows.STACK_TRACE_LENGTH, "length " + stored.length());
        assertTrue(stored.startsWith("java.lang.StackOverflowError\n\tat bank.Balances.on"));
        assertTrue(stored.endsWith("Caused by: java.io.IOException: the root cause 😱\n"));
        assertTrue(stored.contains("characters left out]"));
    }

    @Test
    void aNulCharacterIsStoredAsTheReplacementCharacter() {
        JpaParkingRecorder recorder = createRecorder();

        recorder.park(withText("bad\0input", "at\0here"));

        ParkedNotification stored = recorder.get("balances", "bank", 7).orElseThrow();
        assertEquals("bad\uFFFDinput", stored.error());
        assertEquals("at\uFFFDhere", stored.stackTrace());
    }

    @Test
    void timesAreKeptToTheMicrosecond() {
        JpaParkingRecorder recorder = createRecorder();
        Instant parkedAt = Instant.parse("2026-10-25T01:30:00.123456789Z");
        recorder.park(new ParkedNotification("balances", "bank", 7, ALICE, 1, "bank.Deposited", "failed", "", 1,
                parkedAt, 0, Status.PARKED, null));
        recorder.resolve("balances", "bank", 7, Status.RETRIED, Instant.parse("2026-10-25T02:30:00.999999999Z"));

        ParkedNotification stored = recorder.get("balances", "bank", 7).orElseThrow();
        assertEquals(Instant.parse("2026-10-25T01:30:00.123456Z"), stored.parkedAt());
        assertEquals(Instant.parse("2026-10-25T02:30:00.999999Z"), stored.resolvedAt());
    }

    static ParkedNotification parked(String reader, String upstream, long id, UUID originatorId) {
        return new ParkedNotification(reader, upstream, id, originatorId, id, "bank.Deposited",
                "java.lang.IllegalStateException: no account " + originatorId,
                "java.lang.IllegalStateException: no account\n\tat bank.Balances.on(Balances.java:42)\n",
                1, PARKED_AT, 0, Status.PARKED, null);
    }

    JpaParkingRecorder createRecorderKeepingRows() {
        return new JpaParkingRecorder(database().transactions(), database().strategy());
    }

    private static ParkedNotification withText(String error, String stackTrace) {
        return new ParkedNotification("balances", "bank", 7, ALICE, 1, "bank.Deposited", error, stackTrace, 1,
                PARKED_AT, 0, Status.PARKED, null);
    }

    static Handler problemsInto(List<String> logged) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    logged.add(record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
