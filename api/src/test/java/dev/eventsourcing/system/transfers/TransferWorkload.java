package dev.eventsourcing.system.transfers;

import dev.eventsourcing.system.Runner;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A deterministic run of the transfers system: opens accounts, closes one, requests transfers
 * chosen by a seeded random generator, and reports the end state by position rather than by id,
 * so that runs on different backends (with different random ids) can be compared.
 */
public final class TransferWorkload {

    /** Balances of the accounts and outcomes of the transfers, in the order they were made. */
    public record EndState(List<BigDecimal> balances, List<String> outcomes) {
    }

    private final int accounts;
    private final int transfers;
    private final long seed;

    public TransferWorkload(int accounts, int transfers, long seed) {
        this.accounts = accounts;
        this.transfers = transfers;
        this.seed = seed;
    }

    /** Runs the workload on a started runner of the transfers system and reads the end state. */
    public EndState run(Runner runner) {
        return run(runner.get(Accounts.class), runner.get(Transfers.class), () -> { });
    }

    /**
     * Runs the workload on the running applications of the transfers system and reads the end
     * state once {@code awaitProcessed} returns. Where followers process asynchronously, it must
     * return only when every follower has processed everything its leaders recorded; the outcome
     * does not depend on when they run, because accounts settle requests in the order of the
     * transfers' log, which is the order of the requests.
     */
    public EndState run(Accounts accountsApp, Transfers transfersApp, Runnable awaitProcessed) {
        Random random = new Random(seed);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            ids.add(accountsApp.open(new BigDecimal(50 + random.nextInt(100))));
        }
        accountsApp.close(ids.get(accounts - 1));
        List<UUID> requested = new ArrayList<>();
        for (int i = 0; i < transfers; i++) {
            UUID from = ids.get(random.nextInt(accounts));
            UUID to = ids.get(random.nextInt(accounts));
            if (!from.equals(to)) {
                requested.add(transfersApp.request(from, to, new BigDecimal(1 + random.nextInt(80))));
            }
        }
        awaitProcessed.run();
        List<BigDecimal> balances = ids.stream().map(accountsApp::balance).toList();
        List<String> outcomes = requested.stream().map(transfersApp::get)
                .map(t -> t.status() + (t.reason() == null ? "" : ": " + t.reason()) + " v" + t.version())
                .toList();
        return new EndState(balances, outcomes);
    }
}
