package dev.eventsourcing.example.bank.postgresql.cluster;

import dev.eventsourcing.example.scaleout.Samples;
import dev.eventsourcing.example.scaleout.SlowProjection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static dev.eventsourcing.example.bank.postgresql.cluster.ScaleOutCluster.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three WildFly servers, each an operating-system process, share the work of one projection on
 * one PostgreSQL database, divided into segments by originator. The projection takes
 * {@value SlowProjection#HANDLING_MILLIS} ms per notification and has a backlog of
 * {@value #NOTIFICATIONS} notifications from {@value #SAMPLES} originators. Two nodes start
 * together; one of them is killed with SIGKILL a quarter of the way in, and the third joins on
 * the way (its server, up since the start, gets the deployment). In the end every notification
 * must be handled exactly once (the projection records each handling in a table without a unique
 * key, so a second handling would show), each originator's notifications in version order, by
 * every node that ran, and the surviving nodes must have logged no error. The run prints a
 * one-line summary.
 */
class ScaleOutIT {

    /** Segments of the projection, and the lease on each, in the test. */
    static final int SEGMENTS = 12;
    static final Duration LEASE = Duration.ofSeconds(3);

    // Twice the measured backlog: a backlog divided among two servers goes fast, and the third
    // server should join while much of it is left.
    private static final int SAMPLES = 800;
    private static final int NOTIFICATIONS = SAMPLES * ScaleOutCluster.EVENTS;
    private static final Duration PROCESSING = Duration.ofSeconds(240);

    private ScaleOutCluster cluster;

    @AfterEach
    void killNodes() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyNotificationIsHandledOnceInOrderWhileANodeJoinsAndAnotherIsKilled() throws Exception {
        long started = System.nanoTime();
        cluster = ScaleOutCluster.provision("scaleout", 3, SEGMENTS, LEASE);
        WildFlyNode one = cluster.node(1);
        WildFlyNode two = cluster.node(2);
        WildFlyNode three = cluster.node(3);
        HandledRows handled = cluster.handled();
        // The third server boots with the others but gets the deployment only with the backlog:
        // a boot takes up to a minute here, by when the backlog may be done.
        CompletableFuture<Void> threeUp = cluster.startWithoutDeploymentLater(three);
        cluster.startTogether(List.of(one, two));
        threeUp.join();
        // Deploying takes longer than making the backlog, and here (two cores, two busy servers)
        // about as long as those two take for half of it: the third server joins on the way.
        CompletableFuture<Long> joined = CompletableFuture.supplyAsync(() -> cluster.join(three));
        cluster.makeBacklog(one, SAMPLES);
        long backlogMade = System.nanoTime();
        await("a quarter of the backlog is handled, some by the node to be killed", PROCESSING,
                () -> handled.distinctHandled() >= NOTIFICATIONS / 4 && handled.handledBy(two.name()) >= 100);
        long beforeKill = handled.distinctHandled();
        two.kill();
        long atJoin = joined.join();
        await("the node that joined has handled some", PROCESSING, () -> handled.handledBy(three.name()) >= 100);
        await("the whole backlog is handled", PROCESSING, () -> handled.distinctHandled() == NOTIFICATIONS);
        Duration processing = Duration.ofNanos(System.nanoTime() - backlogMade);

        Map<String, Long> perNode = handled.perNode();
        long duplicates = handled.duplicates();
        assertEquals(List.of(), handled.missing(Samples.NAME), "notifications no node handled");
        assertEquals(0, duplicates, () -> "notifications handled more than once; per node: " + perNode);
        assertEquals(SAMPLES, handled.originators(), "originators handled");
        assertEquals(Map.of(), handled.outOfOrder(ScaleOutCluster.EVENTS),
                "originators whose versions were not handled once each, in order");
        assertEquals(List.of(one.name(), two.name(), three.name()), List.copyOf(perNode.keySet()),
                "every node that ran handled some");
        for (WildFlyNode survivor : List.of(one, three)) {
            assertEquals(List.of(), ScaleOutCluster.errors(survivor), () -> "errors in the log of " + survivor.name());
        }
        assertTrue(beforeKill < NOTIFICATIONS, "the node was killed before the backlog was done");

        System.out.printf("Scale-out of 3 WildFly nodes on PostgreSQL, %d segments, lease %d s: %d notifications"
                        + " (%d originators, %d ms each) handled once each and in order, in %d s (%.0f/s; handling"
                        + " span %.1f s); per node %s; duplicates %d; node 3 joined (deployed) after %d handled, node 2 killed"
                        + " after %d; wall time %d s%n",
                SEGMENTS, LEASE.toSeconds(), NOTIFICATIONS, SAMPLES, SlowProjection.HANDLING_MILLIS,
                processing.toSeconds(), NOTIFICATIONS * 1000.0 / processing.toMillis(),
                handled.span().toMillis() / 1000.0, perNode.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")),
                duplicates, beforeKill, atJoin, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }
}
