package dev.eventsourcing.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.system.transfers.Accounts;
import dev.eventsourcing.system.transfers.TransferWorkload;
import dev.eventsourcing.system.transfers.TransferWorkload.EndState;
import dev.eventsourcing.system.transfers.Transfers;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same system gives the same end state on every backend and under every runner: the
 * transfers system runs a deterministic workload on the backend under test, and single-threaded
 * on the in-memory store, and the two end states must be equal. Subclasses say which backend to
 * use, and may run the system with another runner.
 */
public abstract class SystemTestCase {

    /** The transfers system: accounts settle requested transfers, transfers record the outcome. */
    protected static final ApplicationSystem TRANSFERS = ApplicationSystem.builder()
            .pipe(Transfers.class, Accounts.class, Transfers.class)
            .build();

    /** Settings that select the backend under test, for a fresh, empty store on every call. */
    protected abstract Settings backendSettings();

    /** How many transfers the workload requests; a slow backend may ask for fewer. */
    protected int transfers() {
        return 150;
    }

    /** Starts the runner under test: by default the single-threaded runner. */
    protected Runner startRunner(ApplicationSystem system, Settings settings) {
        SingleThreadedRunner runner = new SingleThreadedRunner(system, settings);
        runner.start();
        return runner;
    }

    /**
     * Returns once every follower has processed what its leaders recorded: at once by default,
     * since the single-threaded runner processes before a save returns.
     */
    protected void awaitProcessed(Runner runner) {
    }

    @Test
    void theSystemEndsInTheSameStateAsOnTheInMemoryStore() {
        TransferWorkload workload = new TransferWorkload(8, transfers(), 7);
        EndState expected = run(workload, Settings.empty());
        EndState actual;
        try (Runner runner = startRunner(TRANSFERS, backendSettings())) {
            actual = workload.run(runner.get(Accounts.class), runner.get(Transfers.class), () -> awaitProcessed(runner));
        }
        assertEquals(expected, actual);
        BigDecimal total = actual.balances().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal opened = run(new TransferWorkload(8, 0, 7), Settings.empty()).balances().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(opened, total, "money is conserved");
        assertTrue(actual.outcomes().stream().anyMatch(o -> o.startsWith("REJECTED: account closed")));
        assertTrue(actual.outcomes().stream().anyMatch(o -> o.startsWith("COMPLETED")));
        assertTrue(actual.outcomes().stream().allMatch(o -> o.endsWith(" v2")), "each transfer ended exactly once");
    }

    private static EndState run(TransferWorkload workload, Settings settings) {
        try (SingleThreadedRunner runner = new SingleThreadedRunner(TRANSFERS, settings)) {
            runner.start();
            return workload.run(runner);
        }
    }
}
