package dev.eventsourcing.cdi.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.cdi.support.Deployments;
import dev.eventsourcing.cdi.support.LogServer;
import dev.eventsourcing.cdi.support.TestDatabase;
import dev.eventsourcing.system.Readers;
import dev.eventsourcing.system.transfers.Accounts;
import dev.eventsourcing.system.transfers.Transfers;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A process application in the container follows a leader in another deployment: the leader's
 * notification log is served over HTTP in the wire format by a JDK server on the loopback
 * address, and the follower, configured with the log's URL, polls it on the runner's
 * executor and processes each notification exactly once, also across its own restart.
 */
class RemoteLeaderTest {

    private static final String FOLLOW_KEY = "eventsourcing.Accounts.follow.Transfers.url";

    private final Transfers leader = new Transfers(Settings.empty());
    private LogServer server;
    private TestDatabase database;
    private WeldContainer follower;

    @BeforeEach
    void serveTheLeadersLog() {
        server = LogServer.serve(leader, "/transfers/notifications");
    }

    @AfterEach
    void stop() throws Exception {
        if (follower != null && follower.isRunning()) {
            follower.shutdown();
        }
        server.close();
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
        // The remote log's end is not known here: this waits for a run that reads it to its end.
        follower.select(Readers.class).get().waitUntilCaughtUp(Duration.ofSeconds(30));

        accounts = follower.select(Accounts.class).get();
        assertEquals(new BigDecimal("0"), accounts.balance(alice));
        assertEquals(new BigDecimal("100"), accounts.balance(bob));
        assertEquals(11, accounts.processRecorder().maxTrackingId("Transfers"));
        // Two openings, a debit, a credit and a settlement per transfer, one refusal: nothing twice.
        assertEquals(2 + 10 * 3 + 1, accounts.recorder().maxNotificationId());
        assertTrue(server.starts().size() >= 2, "the follower read the log over HTTP");
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
    void aRemoteLeaderNamedLikeAnApplicationOfTheDeploymentFailsTheDeployment() {
        String failure = Deployments.failureOf(Map.of("eventsourcing.projection.dispatch", "async",
                FOLLOW_KEY, "http://127.0.0.1:1/notifications"), TransfersSystem.BEAN_CLASSES);

        assertTrue(failure.contains("ESCDI012") && failure.contains(FOLLOW_KEY), failure);
        assertTrue(failure.contains("'Transfers', which is the name of an application of this deployment"), failure);
    }

    @Test
    void followingARemoteLogWithSynchronousDispatchFailsTheDeployment() {
        String failure = Deployments.failureOf(Map.of(FOLLOW_KEY, "http://127.0.0.1:1/notifications"), Accounts.class);

        assertTrue(failure.contains("ESCDI012") && failure.contains("projection.dispatch=async"), failure);
    }

    private WeldContainer startFollower() {
        Map<String, String> config = new HashMap<>(ContainerSystemTestCase.config(database));
        config.put(FOLLOW_KEY, server.url());
        return Deployments.start(config, Accounts.class);
    }

    private void waitUntilFollowed() {
        follower.select(Readers.class).get().waitFor("Accounts", "Transfers", leader.recorder().maxNotificationId(),
                Duration.ofSeconds(30));
    }
}
