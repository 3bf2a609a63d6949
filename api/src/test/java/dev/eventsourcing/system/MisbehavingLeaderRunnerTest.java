package dev.eventsourcing.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.RemoteNotificationLog;
import dev.eventsourcing.application.SectionJson;
import dev.eventsourcing.application.fixtures.LeaderServer;
import dev.eventsourcing.system.fixtures.Bank;
import dev.eventsourcing.system.fixtures.LogCapture;
import dev.eventsourcing.system.fixtures.RecordingProjection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static dev.eventsourcing.application.fixtures.LeaderServer.section;
import static dev.eventsourcing.application.fixtures.LeaderServer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The multi-threaded runner following a leader over HTTP that misbehaves: the follower's
 * position never moves past what was validly read, nothing is parked for a forged answer, and
 * the leader is asked less and less often while it keeps failing, never in a tight loop.
 */
class MisbehavingLeaderRunnerTest {

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2);
    private final Bank bank = new Bank(Settings.empty());
    private final RecordingProjection follower = new RecordingProjection("follower");
    private LeaderServer server;
    private MultiThreadedRunner runner;
    private LogCapture logs;

    @BeforeEach
    void serve() throws IOException {
        logs = new LogCapture("dev.eventsourcing.system");
        server = LeaderServer.http();
    }

    @AfterEach
    void stop() {
        if (runner != null) {
            runner.stop();
        }
        executor.shutdownNow();
        server.close();
        logs.close();
    }

    @Test
    void forgedSectionsNeverMoveThePositionPastWhatWasValidlyRead() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            bank.open(i);
        }
        long forged = 9_000_000_000_000_000_000L;
        List<String> forgeries = List.of(section(8L, 7, 6), section(forged + 1, 6, forged), section(7L, 4, 5, 6),
                section(6L, 6), section(1_000L), section(null, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16));
        AtomicInteger forgery = new AtomicInteger();
        server.answer((exchange, start, limit) -> {
            if (start <= 5) {
                send(exchange, 200, SectionJson.write(bank.notificationLog().select(start, Math.min(limit, 5 - (int) start + 1))));
            } else {
                send(exchange, 200, forgeries.get(forgery.getAndIncrement() % forgeries.size()));
            }
        });
        start(Map.of("projection.retry-delay", "10", "projection.poll-interval", "20", "projection.batch-size", "10"));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (forgery.get() < 2 * forgeries.size() && System.nanoTime() < deadline) {
            runner.catchUp();
            Thread.sleep(20);
        }

        assertTrue(forgery.get() >= 2 * forgeries.size(), "every forgery was tried twice");
        assertEquals(LongStream.rangeClosed(1, 5).boxed().toList(), follower.handled());
        ReaderStatus status = runner.statuses().get(0);
        assertEquals(5, status.position());
        assertEquals(0, status.parked());
        assertTrue(status.failing() && status.failure().contains(server.url().toString()), status.failure());
    }

    @Test
    void aLeaderThatKeepsFailingIsAskedLessAndLessOften() throws InterruptedException {
        server.answer((exchange, start, limit) -> send(exchange, 500, "database down"));
        start(Map.of("projection.retry-delay", "50", "projection.poll-interval", "20"));

        long began = System.nanoTime();
        Thread.sleep(3000);

        // Back-off 50, 100, 200, 400, 800, 1600 ms: about six requests in three seconds, polled every 20 ms.
        int requests = server.requests();
        assertTrue(requests >= 3 && requests <= 10, requests + " requests");
        assertTrue(server.requestsSince(began + Duration.ofMillis(1600).toNanos()) <= 2,
                "the last 1.4 s saw at most two requests");
        assertTrue(runner.statuses().get(0).failure().contains("answered 500"), runner.statuses().get(0).failure());
    }

    @Test
    void aLeaderAnsweringEmptySectionsForeverIsNotAskedInATightLoop() throws InterruptedException {
        server.answer((exchange, start, limit) -> send(exchange, 200, section(start + limit)));
        start(Map.of("projection.poll-interval", "500"));

        Thread.sleep(2000);

        // Each poll crosses at most FollowedLog.Remote.MAX_EMPTY_SECTIONS sections of the "gap".
        int requests = server.requests();
        assertTrue(requests >= FollowedLog.Remote.MAX_EMPTY_SECTIONS, requests + " requests");
        assertTrue(requests <= FollowedLog.Remote.MAX_EMPTY_SECTIONS * (2000 / 500 + 3), requests + " requests");
        assertEquals(0, runner.statuses().get(0).position());
    }

    @Test
    void aGapWiderThanManySectionsIsCrossedOverSeveralPolls() throws InterruptedException {
        long far = 3L * FollowedLog.Remote.MAX_EMPTY_SECTIONS * 10;
        server.answer((exchange, start, limit) -> {
            long end = start + limit - 1;
            if (far >= start && far <= end) {
                send(exchange, 200, section(null, far));
            } else {
                send(exchange, 200, section(end + 1));
            }
        });
        start(Map.of("projection.poll-interval", "20", "projection.batch-size", "10"));

        runner.waitFor("follower", "Leader", far, Duration.ofSeconds(10));

        assertEquals(far, runner.statuses().get(0).position());
    }

    private void start(Map<String, String> settings) {
        RemoteNotificationLog log = RemoteNotificationLog.builder(server.url()).sectionSize(10)
                .timeout(Duration.ofSeconds(5)).build();
        runner = MultiThreadedRunner.builder().projection(follower).follow("follower", "Leader", log, bank.mapper())
                .settings(Settings.of(settings)).executor(executor).build();
        runner.start();
    }
}
