package dev.eventsourcing.cdi.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.cdi.support.Deployments;
import dev.eventsourcing.cdi.support.TestDatabase;
import dev.eventsourcing.system.ApplicationSystem;
import dev.eventsourcing.system.Readers;
import dev.eventsourcing.system.SingleThreadedRunner;
import dev.eventsourcing.system.transfers.Accounts;
import dev.eventsourcing.system.transfers.TransferWorkload.EndState;
import dev.eventsourcing.system.transfers.TransferWorkload;
import dev.eventsourcing.system.transfers.Transfers;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same system ends in the same state in the container as on the in-memory store: the
 * transfers system, deployed with its applications as CDI beans on the JPA store with
 * asynchronous dispatch, runs the deterministic workload, and once every follower has caught up
 * its end state equals that of the single-threaded in-memory run. Subclasses give the database.
 */
abstract class ContainerSystemTestCase {

    static final Duration CATCH_UP = Duration.ofSeconds(60);

    /** A fresh, empty database for one test. */
    abstract TestDatabase newDatabase();

    /** The configuration of a node of the transfers system on the database. */
    static Map<String, String> config(TestDatabase database) {
        return Map.of(
                "eventsourcing.persistence.module", "jpa",
                "eventsourcing.jpa.url", database.url(),
                "eventsourcing.jpa.user", database.user(),
                "eventsourcing.projection.dispatch", "async",
                "eventsourcing.projection.poll-interval", "50",
                "eventsourcing.projection.retry-delay", "20");
    }

    @Test
    void theSystemEndsInTheSameStateInTheContainerAsOnTheInMemoryStore() throws Exception {
        TransferWorkload workload = new TransferWorkload(8, 150, 7);
        EndState expected = inMemory(workload);
        TestDatabase database = newDatabase();
        WeldContainer container = Deployments.start(config(database), TransfersSystem.BEAN_CLASSES);
        try {
            Readers projections = container.select(Readers.class).get();
            EndState actual = workload.run(container.select(Accounts.class).get(), container.select(Transfers.class).get(),
                    () -> projections.waitUntilCaughtUp(CATCH_UP));

            assertEquals(expected, actual);
            assertTrue(actual.outcomes().stream().allMatch(o -> o.endsWith(" v2")), "each transfer ended exactly once");
            assertTrue(projections.statuses().stream().noneMatch(s -> s.failing()), () -> "" + projections.statuses());
        } finally {
            container.shutdown();
            database.drop();
        }
    }

    private static EndState inMemory(TransferWorkload workload) {
        ApplicationSystem system = new TransfersSystem().system;
        try (SingleThreadedRunner runner = new SingleThreadedRunner(system, Settings.empty())) {
            runner.start();
            return workload.run(runner);
        }
    }
}
