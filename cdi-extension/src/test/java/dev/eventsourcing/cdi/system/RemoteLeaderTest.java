package dev.eventsourcing.cdi.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.eventsourcing.Settings;
import dev.eventsourcing.application.SectionJson;
import dev.eventsourcing.cdi.Projections;
import dev.eventsourcing.cdi.support.Deployments;
import dev.eventsourcing.cdi.support.TestDatabase;
import dev.eventsourcing.system.transfers.Accounts;
import dev.eventsourcing.system.transfers.Transfers;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A process application in the container follows a leader in another deployment: the leader's
 * notification log is served over HTTP in the wire format by a JDK server on the loopback
 * address, and the follower, configured with the log's URL, polls it on the dispatcher's
 * executor and processes each notification exactly once, also across its own restart.
 */
class RemoteLeaderTest {

    private static final String FOLLOW_KEY = "eventsourcing.Accounts.follow.Transfers.url";

    private final Transfers leader = new Transfers(Settings.empty());
    private final AtomicInteger reads = new AtomicInteger();
    private HttpServer server;
    private TestDatabase database;
    private WeldContainer follower;

    @BeforeEach
    void serveTheLeadersLog() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/transfers/notifications", this::section);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (follower != null && follower.isRunning()) {
            follower.shutdown();
        }
        server.stop(0);
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void aProcessApplicationFollowsALeaderInAnotherDeploymentExactlyOnceAcrossItsRestart() {
        database = TestDatabase.h2();
        follower = startFollower();
        Accounts accounts = follower.select(Accounts.class).get();
        UUID alice = accounts.open(new BigDecimal("100"));
        UUID bob = accounts.open(new BigDecimal("0"));
        for (int i = 0; i < 5; i++) {
            leader.request(alice, bob, new BigDecimal("10"));
        }
        waitUntilFollowed();

        for (int i = 0; i < 5; i++) {
            leader.request(alice, bob, new BigDecimal("10"));
        }
        follower.shutdown(); // perhaps in the middle of the second five
        leader.request(alice, bob, new BigDecimal("1000"));
        follower = startFollower();
        waitUntilFollowed();

        accounts = follower.select(Accounts.class).get();
        assertEquals(new BigDecimal("0"), accounts.balance(alice));
        assertEquals(new BigDecimal("100"), accounts.balance(bob));
        assertEquals(11, accounts.processRecorder().maxTrackingId("Transfers"));
        // Two openings, a debit, a credit and a settlement per transfer, one refusal: nothing twice.
        assertEquals(2 + 10 * 3 + 1, accounts.recorder().maxNotificationId());
        assertTrue(reads.get() >= 2, "the follower read the log over HTTP");
    }

    @Test
    void aFollowKeyNamingNoProcessApplicationFailsTheDeploymentNamingTheKey() {
        String failure = Deployments.failureOf(Map.of("eventsourcing.projection.dispatch", "async",
                "eventsourcing.Acounts.follow.Transfers.url", "http://127.0.0.1:1/notifications"), Accounts.class);

        assertTrue(failure.contains("ESCDI012"), failure);
        assertTrue(failure.contains("eventsourcing.Acounts.follow.Transfers.url"), failure);
        assertTrue(failure.contains("[Accounts]"), failure);
    }

    @Test
    void aFollowUrlThatIsNoHttpUrlFailsTheDeploymentNamingKeyAndValue() {
        String failure = Deployments.failureOf(Map.of("eventsourcing.projection.dispatch", "async",
                FOLLOW_KEY, "127.0.0.1:8080/notifications"), Accounts.class);

        assertTrue(failure.contains("ESCDI012"), failure);
        assertTrue(failure.contains(FOLLOW_KEY) && failure.contains("'127.0.0.1:8080/notifications'"), failure);
    }

    @Test
    void followingARemoteLogWithSynchronousDispatchFailsTheDeployment() {
        String failure = Deployments.failureOf(Map.of(FOLLOW_KEY, "http://127.0.0.1:1/notifications"), Accounts.class);

        assertTrue(failure.contains("ESCDI012") && failure.contains("projection.dispatch=async"), failure);
    }

    private WeldContainer startFollower() {
        Map<String, String> config = new HashMap<>(ContainerSystemTestCase.config(database));
        config.put(FOLLOW_KEY, "http://127.0.0.1:" + server.getAddress().getPort() + "/transfers/notifications");
        return Deployments.start(config, Accounts.class);
    }

    private void waitUntilFollowed() {
        follower.select(Projections.class).get().waitFor("Accounts", "Transfers", leader.recorder().maxNotificationId(),
                Duration.ofSeconds(30));
    }

    // GET ?start=N&limit=M: a section of the leader's log in the wire format.
    private void section(HttpExchange exchange) throws IOException {
        reads.incrementAndGet();
        Map<String, String> query = new HashMap<>();
        for (String pair : exchange.getRequestURI().getQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], parts[1]);
        }
        byte[] body = SectionJson.write(leader.notificationLog()
                        .select(Long.parseLong(query.get("start")), Integer.parseInt(query.get("limit"))))
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
