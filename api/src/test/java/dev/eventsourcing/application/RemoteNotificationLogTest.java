package dev.eventsourcing.application;

import com.sun.net.httpserver.HttpServer;
import dev.eventsourcing.EventSourcingException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.system.transfers.Accounts;
import dev.eventsourcing.system.transfers.Transfer;
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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A process application follows a log served over HTTP on the loopback interface. */
class RemoteNotificationLogTest {

    private final Transfers transfers = new Transfers(Settings.empty());
    private final AtomicReference<String> override = new AtomicReference<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicBoolean stepping = new AtomicBoolean();
    private final AtomicReference<String> lastQuery = new AtomicReference<>();
    private HttpServer server;
    private URI endpoint;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/notifications", exchange -> {
            Map<String, String> query = new HashMap<>();
            lastQuery.set(exchange.getRequestURI().getRawQuery());
            for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv[1]);
            }
            requests.incrementAndGet();
            long start = Long.parseLong(query.get("start"));
            int limit = Integer.parseInt(query.get("limit"));
            String body = stepping.get() ? "{\"items\":[],\"next\":" + (start + limit) + "}"
                    : override.get() != null ? override.get()
                    : SectionJson.write(transfers.notificationLog().select(start, limit));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body.startsWith("boom") ? 500 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/notifications");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aFilteredSelectionSendsEachTopicAndLeavesOutTheOthersWhenTheServerIgnoresThem() {
        Accounts accounts = new Accounts(Settings.empty());
        UUID alice = accounts.open(new BigDecimal("100"));
        UUID bob = accounts.open(new BigDecimal("0"));
        transfers.request(alice, bob, new BigDecimal("10")); // 1: requested
        String requested = transfers.notificationLog().select(1, 1).items().get(0).topic();
        RemoteNotificationLog log = new RemoteNotificationLog(endpoint, 10, Duration.ofSeconds(5));
        transfers.request(alice, bob, new BigDecimal("10")); // 2: requested

        Section section = log.select(1, 10, java.util.Set.of(requested, "a b&c"));

        assertEquals("start=1&limit=10&topics=a+b%26c&topics=" + java.net.URLEncoder.encode(requested,
                StandardCharsets.UTF_8), lastQuery.get());
        assertEquals(java.util.List.of(1L, 2L), section.items().stream().map(n -> n.id()).toList());
        assertEquals(java.util.List.of(), log.select(1, 10, java.util.Set.of("other")).items(),
                "this server answers every topic: the others are left out here");
    }

    @Test
    void aFollowerProcessesARemoteLogExactlyOnceAcrossRestarts() {
        Accounts accounts = new Accounts(Settings.of(Map.of(Settings.SECTION_SIZE, "3")));
        UUID alice = accounts.open(new BigDecimal("100"));
        UUID bob = accounts.open(new BigDecimal("0"));
        for (int i = 0; i < 5; i++) {
            transfers.request(alice, bob, new BigDecimal("10"));
        }
        accounts.follow("Transfers", new RemoteNotificationLog(endpoint, 3, Duration.ofSeconds(5)), transfers.mapper());
        assertEquals(5, accounts.pullAndProcess("Transfers"));

        // A new reader object, as after a restart of the follower, resumes from the tracking position.
        accounts.follow("Transfers", new RemoteNotificationLog(endpoint, 2, Duration.ofSeconds(5)), transfers.mapper());
        assertEquals(0, accounts.pullAndProcess("Transfers"));
        UUID last = transfers.request(alice, bob, new BigDecimal("1"));
        assertEquals(1, accounts.pullAndProcess("Transfers"));
        assertEquals(new BigDecimal("49"), accounts.balance(alice));
        assertEquals(Transfer.Status.REQUESTED, transfers.get(last).status());
    }

    @Test
    void serverErrorsAndMalformedAnswersAreReportedAndNothingIsProcessed() {
        Accounts accounts = new Accounts(Settings.empty());
        RemoteNotificationLog log = new RemoteNotificationLog(endpoint, 10, Duration.ofSeconds(5));
        accounts.follow("Transfers", log, transfers.mapper());
        override.set("boom: database down");
        EventSourcingException error = assertThrows(EventSourcingException.class, () -> accounts.pullAndProcess("Transfers"));
        assertTrue(error.getMessage().contains("answered 500"), error.getMessage());
        override.set("{\"items\": 3}");
        assertThrows(WireFormatException.class, () -> accounts.pullAndProcess("Transfers"));
        assertEquals(0, accounts.processRecorder().maxTrackingId("Transfers"));
        assertThrows(IllegalArgumentException.class, () -> log.select(1, 11));
    }

    @Test
    void aPullEndsWhenTheLeaderAnswersEmptySectionsThatDoNotMoveOrNeverEnd() {
        Accounts accounts = new Accounts(Settings.empty());
        RemoteNotificationLog log = new RemoteNotificationLog(endpoint, 10, Duration.ofSeconds(5));
        accounts.follow("Transfers", log, transfers.mapper());

        override.set("{\"items\":[],\"next\":1}");
        assertEquals(0, accounts.pullAndProcess("Transfers"));
        assertEquals(1, requests.get(), "no second request for the same start");

        requests.set(0);
        stepping.set(true);
        assertEquals(0, accounts.pullAndProcess("Transfers"));
        assertEquals(NotificationLog.MAX_EMPTY_SECTIONS_READ, requests.get());
    }

    @Test
    void anUnreachableServerIsReported() {
        server.stop(0);
        RemoteNotificationLog log = new RemoteNotificationLog(endpoint, 10, Duration.ofSeconds(2));
        EventSourcingException error = assertThrows(EventSourcingException.class, () -> log.select(1, 10));
        assertTrue(error.getMessage().startsWith("Cannot read notification log"), error.getMessage());
    }
}
