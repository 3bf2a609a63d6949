package dev.eventsourcing.example.bank.postgresql.cluster;

import dev.eventsourcing.example.bank.BankClient;
import dev.eventsourcing.example.bank.HttpBank;
import dev.eventsourcing.example.bank.TestUser;
import dev.eventsourcing.example.bank.postgresql.cluster.TransferLedger.Outcome;
import dev.eventsourcing.example.bank.postgresql.cluster.TransferLedger.Request;
import dev.eventsourcing.example.bank.postgresql.cluster.Traffic.Route;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two real WildFly servers, each an operating-system process, run the bank's WAR on one
 * PostgreSQL database of their own. Hundreds of transfers are requested concurrently from both;
 * one server is killed with SIGKILL in the middle of the run, the run goes on against the other,
 * and the killed one is started again on its base directory and takes more requests. Every
 * requested transfer must end COMPLETED or REJECTED, each account must hold its deposit moved by
 * exactly the completed transfers, and the bank must hold the money it started with.
 *
 * <p>A request whose answer was lost in the kill may or may not have been recorded: the test
 * looks up what the cluster recorded and counts such a transfer as requested when it was.
 * Finally the first node is suspended for a few seconds and resumed, and both nodes are stopped
 * gracefully; neither may have logged a scheduled task refused. The run prints a one-line summary.
 */
class ClusterIT {

    private static final Duration BOOT = Duration.ofSeconds(120);
    private static final Duration RUN = Duration.ofSeconds(120);
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final Duration SUSPENDED = Duration.ofMillis(3_500);
    /** WildFly's error for a scheduled task of a managed executor refused while the server is suspended. */
    private static final String REFUSED_SCHEDULED_TASK = "WFLYEE0110";
    private static final int ACCOUNTS = 20;
    private static final int CLIENTS = 8;
    // HTTP on 8380 and 8480: clear of the build's Arquillian server (offset 100) and of Payara
    // Micro's test port (8280).
    private static final int[] PORT_OFFSETS = {300, 400};

    private final List<WildFlyNode> nodes = new ArrayList<>();
    private final Random random = new Random();

    @AfterEach
    void killNodes() throws InterruptedException {
        for (WildFlyNode node : nodes) {
            node.close();
        }
    }

    @Test
    void everyTransferEndsExactlyOnceWhenANodeIsKilledMidRunAndRestarted() throws Exception {
        long started = System.nanoTime();
        ClusterDatabase database = ClusterDatabase.fresh("bank_cluster");
        Path war = clusterWar(database);
        WildFlyNode one = provision(1, war);
        WildFlyNode two = provision(2, war);
        // Both at once, as a cluster starts: each deployment creates the tables at start-up, on a
        // fresh database, and neither may fail for the other doing the same.
        CompletableFuture<Void> startingOne = CompletableFuture.runAsync(() -> start(one));
        start(two);
        startingOne.join();
        Route toOne = route(one);
        Route toTwo = route(two);

        List<String> accounts = new ArrayList<>();
        Map<String, BigDecimal> deposits = openAccounts(List.of(toOne, toTwo), accounts);
        String closed = accounts.get(ACCOUNTS - 1);
        new HttpBank(toTwo.client()).close(UUID.fromString(closed));
        BigDecimal before = totalBalance(toOne.client(), accounts);
        assertEquals(sum(deposits.values()), before, "the accounts hold their deposits");

        TransferLedger ledger = requestTransfersWhileKillingAndRestarting(two, toOne, toTwo, accounts);
        ledger.reconcile(database.originatorsOf("Transfers"),
                id -> TransferLedger.requestOf(toTwo.client().get("transfers/" + id)));
        Map<String, Outcome> outcomes = ledger.awaitOutcomes(List.of(toOne.client(), toTwo.client()), SETTLE);
        assertBalancesMovedByExactlyTheCompleted(outcomes, deposits, new HttpBank(toTwo.client()));
        BigDecimal after = totalBalance(toOne.client(), accounts);
        assertEquals(before, after, "no money is made or lost");
        long completed = outcomes.values().stream().filter(o -> "COMPLETED".equals(o.status())).count();
        long rejected = outcomes.values().stream().filter(o -> "REJECTED".equals(o.status())).count();
        assertEquals(outcomes.size(), completed + rejected);
        assertTrue(completed > 0 && rejected > 0, "the run completed some transfers and rejected others");
        for (Outcome outcome : outcomes.values()) {
            assertEquals(2, outcome.version(), () -> "transfer " + outcome + " ended once");
            if (outcome.request().from().equals(closed) || outcome.request().to().equals(closed)) {
                assertEquals("account closed", outcome.reason(), () -> "transfer " + outcome);
            }
        }

        // A suspended server (WildFly suspends before it stops, and when an administrator asks)
        // refuses the runner's work for a while: the refusals must be quiet, and the node must
        // serve again once resumed. Suspended for several polls of its readers (every second).
        one.manage(":suspend");
        Thread.sleep(SUSPENDED.toMillis());
        one.manage(":resume");
        new HttpBank(toOne.client()).balance(UUID.fromString(accounts.get(0)));

        // A graceful stop must work as well as a kill: each node finishes or abandons its work
        // within the harness's minute.
        one.stop();
        two.stop();
        for (WildFlyNode node : List.of(one, two)) {
            String log = Files.readString(node.serverLog());
            assertFalse(log.contains(REFUSED_SCHEDULED_TASK), () -> node.name() + " logged a scheduled task refused");
        }
        System.out.printf("Cluster of 2 WildFly nodes on PostgreSQL: %d transfers requested, %d completed, %d rejected;"
                        + " 1 kill (%d requests lost their answer in it, %d of those recorded; %d refused while the node"
                        + " was down), 1 restart; total money %s before, %s after; wall time %d s%n",
                ledger.requested(), completed, rejected, ledger.lost(), ledger.recordedThoughLost(), ledger.notConnected(),
                before, after, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /**
     * Requests transfers from both nodes, kills the second half-way and goes on with the first
     * alone while the second restarts, then requests more from both.
     */
    private TransferLedger requestTransfersWhileKillingAndRestarting(WildFlyNode victim, Route survivor, Route toVictim,
                                                                     List<String> accounts) throws Exception {
        TransferLedger ledger = new TransferLedger();
        Traffic<Request> bothUp = Traffic.start(List.of(survivor, toVictim), transfers(accounts, 240), CLIENTS,
                ClusterIT::send);
        bothUp.awaitEnded(120, RUN);
        victim.kill();
        ledger.add(bothUp.join(RUN));
        CompletableFuture<Void> restarting = CompletableFuture.runAsync(() -> start(victim));
        ledger.add(Traffic.start(List.of(survivor), transfers(accounts, 120), CLIENTS, ClusterIT::send).join(RUN));
        restarting.join();
        ledger.add(Traffic.start(List.of(toVictim, survivor), transfers(accounts, 120), CLIENTS, ClusterIT::send)
                .join(RUN));
        return ledger;
    }

    /** Each account holds its deposit plus the credits and minus the debits of exactly the completed transfers. */
    private static void assertBalancesMovedByExactlyTheCompleted(Map<String, Outcome> outcomes,
                                                                 Map<String, BigDecimal> deposits, HttpBank bank) {
        Map<String, BigDecimal> expected = TransferLedger.expectedBalances(deposits, outcomes.values());
        for (String account : deposits.keySet()) {
            BigDecimal balance = bank.balance(UUID.fromString(account));
            assertEquals(expected.get(account), balance, () -> "account " + account + " holds its deposit moved by"
                    + " exactly the completed transfers");
        }
    }

    /** Opens the accounts, half on each node, and pays a deposit into each; returns the deposits. */
    private Map<String, BigDecimal> openAccounts(List<Route> routes, List<String> accounts) {
        Map<String, BigDecimal> deposits = new LinkedHashMap<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            HttpBank bank = new HttpBank(routes.get(i % routes.size()).client());
            String id = bank.open("Customer " + i, "customer" + i + "@example.com").toString();
            BigDecimal deposit = BigDecimal.valueOf(10_000 + random.nextInt(10_000), 2);
            bank.deposit(UUID.fromString(id), deposit);
            accounts.add(id);
            deposits.put(id, deposit);
        }
        return deposits;
    }

    /** Transfers between random accounts of 1.00 to 80.00, so that some overdraw and are rejected. */
    private List<Request> transfers(List<String> accounts, int count) {
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int from = random.nextInt(accounts.size());
            int to = (from + 1 + random.nextInt(accounts.size() - 1)) % accounts.size();
            requests.add(new Request(accounts.get(from), accounts.get(to), BigDecimal.valueOf(100 + random.nextInt(7_901), 2)));
        }
        return requests;
    }

    private static BankClient.Reply send(BankClient client, Request request) {
        return client.post("transfers", request.json());
    }

    private static BigDecimal totalBalance(BankClient client, List<String> accounts) {
        HttpBank bank = new HttpBank(client);
        return sum(accounts.stream().map(id -> bank.balance(UUID.fromString(id))).toList());
    }

    private static BigDecimal sum(Iterable<BigDecimal> amounts) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal amount : amounts) {
            sum = sum.add(amount);
        }
        return sum;
    }

    /** A node with its own base directory under target/cluster, running the WAR on the cluster's database. */
    private WildFlyNode provision(int number, Path war) throws Exception {
        WildFlyNode node = WildFlyNode.provision("node-" + number, Path.of(System.getProperty("jboss.home")),
                war.resolveSibling("node-" + number), PORT_OFFSETS[number - 1], war,
                new WildFlyNode.Probe("bank/api/statistics", Optional.of(TestUser.AUDITOR.basicAuthorization())),
                Optional.of(TestUser.propertiesFile()));
        nodes.add(node);
        return node;
    }

    /** The packaged WAR, pointed at the cluster's database, as target/cluster/bank.war. */
    private static Path clusterWar(ClusterDatabase database) throws Exception {
        Path built = Path.of(System.getProperty("bank.war", "target/bank.war")).toAbsolutePath();
        return ClusterWar.withDatabaseUrl(built, database.url(), built.resolveSibling("cluster").resolve("bank.war"));
    }

    private static Route route(WildFlyNode node) throws Exception {
        return new Route(node.name(), new BankClient(new URL(node.baseUri().resolve("bank/").toString()), TestUser.TELLER));
    }

    private static void start(WildFlyNode node) {
        try {
            node.start(BOOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting " + node.name(), e);
        }
    }
}
