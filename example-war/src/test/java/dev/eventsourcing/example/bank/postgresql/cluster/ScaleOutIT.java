package dev.eventsourcing.example.bank.postgresql.cluster;

import dev.eventsourcing.example.scaleout.Samples;
import dev.eventsourcing.example.scaleout.SlowProjection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.eventsourcing.example.bank.postgresql.cluster.ScaleOutCluster.NOTIFICATIONS;
import static dev.eventsourcing.example.bank.postgresql.cluster.ScaleOutCluster.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three WildFly servers, each an operating-system process, share the work of one projection on
 * one PostgreSQL database, divided into segments by originator. The projection takes
 * {@value SlowProjection#HANDLING_MILLIS} ms per notification and has a backlog of
 * {@value ScaleOutCluster#NOTIFICATIONS} notifications from {@value ScaleOutCluster#SAMPLES}
 * originators. Two nodes start together; the third joins midway; then one of the first two is
 * killed with SIGKILL. In the end every notification must be handled exactly once (the
 * projection records each handling in a table without a unique key, so a second handling would
 * show), each originator's notifications in version order, by every node that ran, and the
 * surviving nodes must have logged no error. The run prints a one-line summary.
 */
class ScaleOutIT {

    /** Segments of the projection, and the lease on each, in the test. */
    static final int SEGMENTS = 1;
    static final Duration LEASE = Duration.ofSeconds(3);

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
        cluster.startTogether(List.of(one, two));
        cluster.makeBacklog(one);
        long backlogMade = System.nanoTime();

        await("a fifth of the backlog is handled", PROCESSING, () -> handled.distinctHandled() >= NOTIFICATIONS / 5);
        long atJoin = handled.distinctHandled();
        cluster.startLater(three).join();
        await("the node that joined has handled some", PROCESSING, () -> handled.handledBy(three.name()) >= 100);
        await("the node to be killed has handled some", PROCESSING, () -> handled.handledBy(two.name()) >= 100);
        long beforeKill = handled.distinctHandled();
        two.kill();
        await("the whole backlog is handled", PROCESSING, () -> handled.distinctHandled() == NOTIFICATIONS);
        Duration processing = Duration.ofNanos(System.nanoTime() - backlogMade);

        Map<String, Long> perNode = handled.perNode();
        long duplicates = handled.duplicates();
        assertEquals(List.of(), handled.missing(Samples.NAME), "notifications no node handled");
        assertEquals(0, duplicates, () -> "notifications handled more than once; per node: " + perNode);
        assertEquals(ScaleOutCluster.SAMPLES, handled.originators(), "originators handled");
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
                        + " span %.1f s); per node %s; duplicates %d; node 3 joined after %d handled, node 2 killed"
                        + " after %d; wall time %d s%n",
                SEGMENTS, LEASE.toSeconds(), NOTIFICATIONS, ScaleOutCluster.SAMPLES, SlowProjection.HANDLING_MILLIS,
                processing.toSeconds(), NOTIFICATIONS * 1000.0 / processing.toMillis(),
                handled.span().toMillis() / 1000.0, perNode.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")),
                duplicates, atJoin, beforeKill, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }
}
