package dev.eventsourcing.testing.container;

import dev.eventsourcing.cdi.EventStoreReset;
import dev.eventsourcing.persistence.WaitTimeoutException;
import dev.eventsourcing.system.ReaderStatus;
import dev.eventsourcing.system.Readers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the fixture asks of the deployment, and what its failures say, without a container. */
class ContainerFixtureTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private final List<String> calls = new ArrayList<>();
    private List<ReaderStatus> statuses = List.of();
    private boolean timesOut;

    private final Readers readers = new Readers() {
        @Override
        public void waitFor(String reader, String upstream, long notificationId, Duration timeout) {
            called("waitFor " + reader + " " + upstream + " " + notificationId + " " + timeout);
        }

        @Override
        public void waitForAll(String upstream, long notificationId, Duration timeout) {
            called("waitForAll " + upstream + " " + notificationId + " " + timeout);
        }

        @Override
        public void waitUntilCaughtUp(Duration timeout) {
            called("waitUntilCaughtUp " + timeout);
        }

        @Override
        public List<ReaderStatus> statuses() {
            return statuses;
        }

        @Override
        public void catchUp() {
        }
    };

    private final EventStoreReset store = clearViews -> {
        calls.add("reset");
        clearViews.run();
    };

    private final ContainerFixture fixture = new ContainerFixture(readers, store);

    private void called(String call) {
        calls.add(call);
        if (timesOut) {
            throw new WaitTimeoutException("timed out");
        }
    }

    private static ReaderStatus status(String reader, long position, long logEnd, long failingId, String failure,
                                       int attempts, long parked, ReaderStatus.Activity activity) {
        return new ReaderStatus(reader, "Bank", position, logEnd, failingId, failure, failure == null ? null : NOW,
                attempts, parked, position < logEnd ? NOW : null, activity, NOW, NOW);
    }

    @Test
    void waitsAskTheReadersWithTheDefaultTimeoutOrTheOneGiven() {
        fixture.waitUntilCaughtUp();
        fixture.waitFor("summaries", "Bank", 7);
        fixture.waitForAll("Bank", 8, Duration.ofMillis(1500));

        assertEquals(List.of("waitUntilCaughtUp PT10S", "waitFor summaries Bank 7 PT10S", "waitForAll Bank 8 PT1.5S"),
                calls);
    }

    @Test
    void emptyingTheStoreRunsTheViewsClearingInTheReset() {
        fixture.emptyStore(() -> calls.add("clear views"));
        fixture.emptyStore();

        assertEquals(List.of("reset", "clear views", "reset"), calls);
    }

    @Test
    void aReaderThatDoesNotCatchUpInTimeIsReportedWithWhereEveryReaderIsAndWhy() {
        timesOut = true;
        statuses = List.of(
                status("summaries", 12, 15, 13, "java.lang.IllegalStateException: no row", 3, 0,
                        ReaderStatus.Activity.IDLE),
                status("Transfers", 15, 15, 0, null, 0, 2, ReaderStatus.Activity.RUNNING));

        AssertionError error = assertThrows(AssertionError.class, () -> fixture.waitFor("summaries", "Bank", 15,
                Duration.ofMillis(250)));

        assertEquals("""
                Reader 'summaries' has not processed log 'Bank' up to notification 15 within 250 ms. The readers:
                    'summaries' following 'Bank': at notification 12 of 15, 3 behind, failing on notification 13\
                 (3 attempts): java.lang.IllegalStateException: no row
                    'Transfers' following 'Bank': at notification 15 of 15, running since 2026-12-04T12:00:00Z,\
                 2 parked""", error.getMessage());
        assertInstanceOf(WaitTimeoutException.class, error.getCause());
    }

    @Test
    void everyWaitThatTimesOutSaysWhatItWaitedFor() {
        timesOut = true;

        String all = assertThrows(AssertionError.class, () -> fixture.waitForAll("Bank", 4)).getMessage();
        String caughtUp = assertThrows(AssertionError.class, () -> fixture.waitUntilCaughtUp(Duration.ofSeconds(2)))
                .getMessage();

        assertEquals("The readers of log 'Bank' have not processed it up to notification 4 within 10 s. The readers:\n"
                + "    (none)", all);
        assertEquals("The readers have not caught up within 2 s. The readers:\n    (none)", caughtUp);
    }
}
