package dev.eventsourcing.system;

import com.sun.net.httpserver.HttpServer;
import dev.eventsourcing.Settings;
import dev.eventsourcing.application.RemoteNotificationLog;
import dev.eventsourcing.application.SectionJson;
import dev.eventsourcing.persistence.Gadgets;
import dev.eventsourcing.persistence.ParkedNotification;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.UnknownTopicException;
import dev.eventsourcing.system.fixtures.RecordingProjection;
import dev.eventsourcing.system.transfers.Accounts;
import dev.eventsourcing.system.transfers.Transfers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A log of another deployment, served over HTTP by whoever controls that server, names classes
 * of its choosing in its topics: the multi-threaded runner's followers make none of them, park
 * each such notification with the reason, and go on with the rest of the log.
 */
class ForgedRemoteLogTest {

    private static final int FORGED_TIMERS = 20;

    private final Transfers leader = new Transfers(Settings.empty());
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2);
    private HttpServer server;
    private URI endpoint;
    private MultiThreadedRunner runner;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/notifications", exchange -> {
            Map<String, String> query = new HashMap<>();
            for (String pair : exchange.getRequestURI().getQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv[1]);
            }
            byte[] body = SectionJson.write(leader.notificationLog().select(Long.parseLong(query.get("start")),
                    Integer.parseInt(query.get("limit")))).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/notifications");
    }

    @AfterEach
    void stop() {
        if (runner != null) {
            runner.stop();
        }
        executor.shutdownNow();
        server.stop(0);
    }

    @Test
    void forgedTopicsInAFollowedRemoteLogAreParkedWithTheReasonAndNothingIsMade() {
        Accounts accounts = new Accounts(Settings.empty());
        UUID alice = accounts.open(new BigDecimal("100"));
        UUID bob = accounts.open(new BigDecimal("0"));
        List<StoredEvent> forged = new ArrayList<>();
        for (int i = 0; i < FORGED_TIMERS; i++) {
            forged.add(Gadgets.forged(UUID.randomUUID(), 1, Gadgets.TIMER));
        }
        forged.add(Gadgets.forged(UUID.randomUUID(), 1, Gadgets.DETONATOR));
        leader.recorder().insertEvents(forged);
        leader.request(alice, bob, new BigDecimal("30"));
        long threads = Gadgets.timerThreads();
        int made = Gadgets.Detonator.made();

        RecordingProjection projection = new RecordingProjection("requests");
        runner = MultiThreadedRunner.builder()
                .application(accounts).follow("Accounts", "Transfers", remoteLog(), accounts.mapper())
                .projection(projection).follow("requests", "Transfers", remoteLog(), accounts.mapper())
                .settings(Settings.of(Map.of("projection.poll-interval", "20")))
                .executor(executor).build();
        runner.start();
        runner.waitUntilCaughtUp(Duration.ofSeconds(20));

        assertEquals(threads, Gadgets.timerThreads(), "a forged Timer was made, and its thread started");
        assertEquals(made, Gadgets.Detonator.made(), "a class no one declared was instantiated");
        long requested = FORGED_TIMERS + 2;
        assertEquals(new BigDecimal("70"), accounts.balance(alice), "the follower went on after the forged ones");
        assertEquals(List.of(requested), projection.handled());
        for (String reader : List.of("Accounts", "requests")) {
            List<ParkedNotification> parked = runner.parked(reader, ParkedNotification.Status.PARKED, 100);
            assertEquals(FORGED_TIMERS + 1, parked.size(), reader);
            for (ParkedNotification notification : parked) {
                assertTrue(notification.error().startsWith(UnknownTopicException.class.getName() + ": "), notification.error());
                assertTrue(notification.error().contains("Unknown topic '" + notification.topic() + "'"), notification.error());
            }
            assertEquals(Gadgets.DETONATOR, parked.get(FORGED_TIMERS).topic());
        }
    }

    private RemoteNotificationLog remoteLog() {
        return new RemoteNotificationLog(endpoint, 10, Duration.ofSeconds(5));
    }
}
