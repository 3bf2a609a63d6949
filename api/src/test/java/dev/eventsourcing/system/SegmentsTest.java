package dev.eventsourcing.system;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.TrackingRecorder;
import dev.eventsourcing.system.fixtures.Bank;
import dev.eventsourcing.system.fixtures.FilteredLog;
import dev.eventsourcing.system.fixtures.RecordingProjection;
import dev.eventsourcing.system.fixtures.SharedInMemory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reader divided into segments on one node: each segment handles the notifications of its
 * originators, in order, and records its own position up to the last notification it read; the
 * count is checked against what the store records.
 */
class SegmentsTest {

    private final SharedInMemory store = new SharedInMemory();
    private final Bank bank = new Bank(Settings.empty());
    private final List<MultiThreadedRunner> runners = new ArrayList<>();
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2);

    @AfterEach
    void stop() {
        runners.forEach(MultiThreadedRunner::stop);
        executor.shutdownNow();
    }

    @Test
    void aDividedProjectionHandlesEveryNotificationOnceInTheOrderOfEachOriginator() {
        RecordingProjection balances = new RecordingProjection("balances");
        MultiThreadedRunner runner = start(balances, 4, MultiThreadedRunner.builder().synchronous());
        List<UUID> accounts = openAndCredit(8, 5);

        assertHandledOnceInOriginatorOrder(balances.handled(), 1, bank.lastId());
        TrackingRecorder tracking = store.trackingRecorder("balances");
        for (int segment = 0; segment < 4; segment++) {
            assertEquals(bank.lastId(), tracking.maxTrackingId("Bank#" + segment + "/4"),
                    "every segment's position covers what it read, its own notifications or not");
        }
        assertEquals(0, tracking.maxTrackingId("Bank"), "a divided reader records nothing under the log's name");
        ReaderStatus status = runner.statuses().get(0);
        assertEquals(List.of(bank.lastId(), 4, List.of(0, 1, 2, 3)),
                List.of(status.position(), status.segments(), status.held()));
        assertTrue(accounts.stream().map(id -> Math.floorMod(Segment.hash(id), 4)).distinct().count() > 1);
    }

    @Test
    void onAnExecutorEverySegmentIsWaitedFor() {
        RecordingProjection balances = new RecordingProjection("balances");
        MultiThreadedRunner runner = start(balances, 3, MultiThreadedRunner.builder().executor(executor));
        openAndCredit(10, 4);
        runner.waitUntilCaughtUp(Duration.ofSeconds(30));

        assertHandledOnceInOriginatorOrder(balances.handled(), 1, bank.lastId());
        runner.waitFor("balances", "Bank", bank.lastId(), Duration.ofSeconds(5));
        assertEquals(bank.lastId(), runner.statuses().get(0).position());
    }

    @Test
    void oneSegmentKeepsThePositionUnderTheLogsNameAndTakesNoLease() {
        RecordingProjection balances = new RecordingProjection("balances");
        MultiThreadedRunner runner = start(balances, 1, MultiThreadedRunner.builder().synchronous());
        openAndCredit(3, 2);

        assertEquals(bank.lastId(), store.trackingRecorder("balances").maxTrackingId("Bank"));
        assertEquals(Map.of(), leases().holders("balances#Bank"));
        assertTrue(leases().segments("balances#Bank").isEmpty());
        assertEquals(List.of(1, List.of(0)), List.of(runner.statuses().get(0).segments(), runner.statuses().get(0).held()));
    }

    @Test
    void aReaderDividedAfterRunningUndividedGoesOnFromItsPositionInEverySegment() {
        RecordingProjection before = new RecordingProjection("balances");
        MultiThreadedRunner undivided = start(before, 1, MultiThreadedRunner.builder().synchronous());
        openAndCredit(6, 3);
        undivided.stop();
        long divided = bank.lastId();
        openAndCredit(6, 3);

        RecordingProjection after = new RecordingProjection("balances");
        start(after, 4, MultiThreadedRunner.builder().synchronous());
        openAndCredit(2, 2);

        assertHandledOnceInOriginatorOrder(before.handled(), 1, divided);
        assertHandledOnceInOriginatorOrder(after.handled(), divided + 1, bank.lastId());
        for (int segment = 0; segment < 4; segment++) {
            assertEquals(bank.lastId(), store.trackingRecorder("balances").maxTrackingId("Bank#" + segment + "/4"));
        }
    }

    @Test
    void anotherSegmentCountThanTheStoreRecordsIsRefusedAtStartSayingBoth() {
        start(new RecordingProjection("balances"), 4, MultiThreadedRunner.builder().synchronous()).stop();

        MultiThreadedRunner fewer = runner(new RecordingProjection("balances"), 2, MultiThreadedRunner.builder().synchronous());
        ConfigurationException refused = assertThrows(ConfigurationException.class, fewer::start);
        assertTrue(refused.getMessage().contains("'balances.projection.segments' is 2")
                && refused.getMessage().contains("into 4 segments"), refused.getMessage());

        MultiThreadedRunner undivided = runner(new RecordingProjection("balances"), 1, MultiThreadedRunner.builder().synchronous());
        ConfigurationException back = assertThrows(ConfigurationException.class, undivided::start);
        assertTrue(back.getMessage().contains("'balances.projection.segments' is 1")
                && back.getMessage().contains("set 'balances.projection.segments=4'"), back.getMessage());
    }

    @Test
    void aLogOfAnotherDeploymentIsNotDivided() {
        MultiThreadedRunner runner = MultiThreadedRunner.builder().synchronous().infrastructure(store)
                .settings(Settings.of(Map.of("balances.projection.segments", "2")))
                .projection(new RecordingProjection("balances"))
                .follow("balances", "Ledger", FilteredLog.of(bank.notificationLog()), bank.mapper())
                .build();

        ConfigurationException refused = assertThrows(ConfigurationException.class, runner::start);
        assertTrue(refused.getMessage().contains("'balances.projection.segments' is 2")
                && refused.getMessage().contains("'Ledger', a log of another deployment"), refused.getMessage());
    }

    @Test
    void segmentsAndLeaseMustBeUnderstood() {
        for (Map.Entry<String, String> bad : Map.of("projection.segments", "0", "projection.lease", "99",
                "balances.projection.lease", "soon").entrySet()) {
            ConfigurationException refused = assertThrows(ConfigurationException.class, () ->
                    MultiThreadedRunner.builder().synchronous().settings(Settings.of(Map.ofEntries(bad)))
                            .application(bank).projection(new RecordingProjection("balances"), "Bank").build());
            String key = bad.getKey().substring(bad.getKey().indexOf("projection."));
            assertTrue(refused.getMessage().contains("'" + key + "'")
                    && refused.getMessage().contains("'" + bad.getValue() + "'"), refused.getMessage());
        }
    }

    @Test
    void aParkedNotificationIsRetriedOrSkippedByTheWorkerOfItsSegment() {
        RecordingProjection balances = new RecordingProjection("balances").refusing(n -> n.originatorVersion() == 2);
        MultiThreadedRunner runner = start(balances, 4, MultiThreadedRunner.builder().synchronous(),
                Map.of("projection.attempts", "1"));
        openAndCredit(4, 1);
        List<Long> parked = runner.parked("balances", null, 10).stream().map(p -> p.notificationId()).toList();
        assertEquals(4, parked.size());

        balances.refusing(n -> false);
        runner.skip("balances", "Bank", parked.get(0));
        parked.subList(1, 4).forEach(id -> assertEquals(1, runner.retry("balances", "Bank", id)));

        assertHandledOnceInOriginatorOrder(balances.handled().stream().filter(id -> !parked.contains(id)).toList(), 1,
                bank.lastId(), parked);
        assertEquals(parked.subList(1, 4), balances.handled().stream().filter(parked::contains).sorted().toList());
        assertEquals(List.of(dev.eventsourcing.persistence.ParkedNotification.Status.SKIPPED),
                runner.parked("balances", dev.eventsourcing.persistence.ParkedNotification.Status.SKIPPED, 10).stream()
                        .filter(p -> p.notificationId() == parked.get(0)).map(p -> p.status()).toList());
    }

    private List<UUID> openAndCredit(int accounts, int credits) {
        List<UUID> ids = IntStream.range(0, accounts).mapToObj(i -> bank.open(i)).toList();
        for (int i = 0; i < credits; i++) {
            ids.forEach(id -> bank.credit(id, 1));
        }
        return ids;
    }

    private MultiThreadedRunner start(RecordingProjection projection, int segments, MultiThreadedRunner.Builder builder) {
        return start(projection, segments, builder, Map.of());
    }

    private MultiThreadedRunner start(RecordingProjection projection, int segments, MultiThreadedRunner.Builder builder,
                                      Map<String, String> more) {
        MultiThreadedRunner runner = runner(projection, segments, builder, more);
        runner.start();
        return runner;
    }

    private MultiThreadedRunner runner(RecordingProjection projection, int segments, MultiThreadedRunner.Builder builder) {
        return runner(projection, segments, builder, Map.of());
    }

    private MultiThreadedRunner runner(RecordingProjection projection, int segments, MultiThreadedRunner.Builder builder,
                                       Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(more);
        settings.put("balances.projection.segments", String.valueOf(segments));
        settings.put("projection.poll-interval", "20");
        MultiThreadedRunner runner = builder.infrastructure(store).settings(Settings.of(settings)).application(bank)
                .projection(projection, "Bank").build();
        runners.add(runner);
        return runner;
    }

    private dev.eventsourcing.persistence.LeaseRecorder leases() {
        return store.factory("balances", Settings.empty()).leaseRecorder();
    }

    private void assertHandledOnceInOriginatorOrder(List<Long> handled, long first, long last) {
        assertHandledOnceInOriginatorOrder(handled, first, last, List.of());
    }

    /** Each id from first to last (but those left out) handled once, and each originator's in ascending order. */
    private void assertHandledOnceInOriginatorOrder(List<Long> handled, long first, long last, List<Long> leftOut) {
        assertEquals(LongStream.rangeClosed(first, last).filter(id -> !leftOut.contains(id)).boxed().toList(),
                handled.stream().sorted().toList());
        Map<UUID, Long> lastOfOriginator = new HashMap<>();
        for (long id : handled) {
            Notification notification = bank.recorder().selectNotifications(
                    dev.eventsourcing.persistence.NotificationSelection.after(id - 1, 1)).get(0);
            Long before = lastOfOriginator.put(notification.originatorId(), notification.originatorVersion());
            assertTrue(before == null || before < notification.originatorVersion(), "out of order: " + handled);
        }
    }
}
