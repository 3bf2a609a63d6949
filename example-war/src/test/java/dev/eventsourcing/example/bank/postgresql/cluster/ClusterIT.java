package dev.eventsourcing.example.bank.postgresql.cluster;

import dev.eventsourcing.example.bank.BankClient;
import dev.eventsourcing.example.bank.BankClient.Reply;
import dev.eventsourcing.example.bank.postgresql.cluster.Traffic.Fate;
import dev.eventsourcing.example.bank.postgresql.cluster.Traffic.Route;
import dev.eventsourcing.example.bank.postgresql.cluster.Traffic.Sent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two real WildFly servers, each an operating-system process, run the bank's WAR on one
 * PostgreSQL database of their own. Deposits are sent concurrently to both; one server is
 * killed with SIGKILL in the middle, the run goes on against the other, and the killed one is
 * started again on its base directory and takes requests once more. Every accepted deposit
 * must be in its account exactly once, and a deposit whose answer was lost in the kill may be
 * there once or not at all, never twice.
 */
class ClusterIT {

    private static final Duration BOOT = Duration.ofSeconds(120);
    private static final Duration RUN = Duration.ofSeconds(120);
    private static final int ACCOUNTS = 20;
    private static final int CLIENTS = 8;
    // HTTP on 8380 and 8480: clear of the build's Arquillian server (offset 100) and of Payara
    // Micro's test port (8280).
    private static final int[] PORT_OFFSETS = {300, 400};

    private final List<WildFlyNode> nodes = new ArrayList<>();
    private final Random random = new Random();

    /** One deposit as the client asked for it. */
    private record Deposit(String account, BigDecimal amount) {
    }

    @AfterEach
    void killNodes() throws InterruptedException {
        for (WildFlyNode node : nodes) {
            node.close();
        }
    }

    @Test
    void everyAcceptedDepositIsBookedOnceWhenANodeIsKilledMidRunAndRestarted() throws Exception {
        long started = System.nanoTime();
        ClusterDatabase database = ClusterDatabase.fresh("bank_cluster");
        Path target = Path.of(System.getProperty("bank.war", "target/bank.war")).toAbsolutePath().getParent();
        Path war = ClusterWar.withDatabaseUrl(target.resolve("bank.war"), database.url(),
                target.resolve("cluster/bank.war"));
        Path home = Path.of(System.getProperty("jboss.home"));
        for (int n = 0; n < PORT_OFFSETS.length; n++) {
            nodes.add(WildFlyNode.provision("node-" + (n + 1), home, target.resolve("cluster/node-" + (n + 1)),
                    PORT_OFFSETS[n], war, "bank/api/statistics"));
        }
        WildFlyNode one = nodes.get(0);
        WildFlyNode two = nodes.get(1);
        CompletableFuture<Void> booting = CompletableFuture.runAsync(() -> start(two));
        one.start(BOOT);
        booting.join();
        Route toOne = route(one);
        Route toTwo = route(two);

        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            BankClient client = (i % 2 == 0 ? toOne : toTwo).client();
            accounts.add(client.open("Customer " + i, "customer" + i + "@example.com"));
        }

        List<Sent<Deposit>> sent = new ArrayList<>();
        Traffic<Deposit> bothUp = Traffic.start(List.of(toOne, toTwo), deposits(accounts, 200), CLIENTS, ClusterIT::deposit);
        bothUp.awaitEnded(100, RUN);
        two.kill();
        sent.addAll(bothUp.join(RUN));
        CompletableFuture<Void> restarting = CompletableFuture.runAsync(() -> start(two));
        sent.addAll(Traffic.start(List.of(toOne), deposits(accounts, 100), CLIENTS, ClusterIT::deposit).join(RUN));
        restarting.join();
        sent.addAll(Traffic.start(List.of(toOne, toTwo), deposits(accounts, 100), CLIENTS, ClusterIT::deposit).join(RUN));

        Map<String, BigDecimal> accepted = new HashMap<>();
        Map<String, List<BigDecimal>> lost = new HashMap<>();
        for (Sent<Deposit> deposit : sent) {
            if (deposit.fate() == Fate.ANSWERED) {
                assertEquals(200, deposit.reply().status(), deposit.reply().text());
                accepted.merge(deposit.request().account(), deposit.request().amount(), BigDecimal::add);
            } else if (deposit.fate() == Fate.LOST) {
                lost.computeIfAbsent(deposit.request().account(), a -> new ArrayList<>()).add(deposit.request().amount());
            }
        }
        BigDecimal total = BigDecimal.ZERO;
        for (String account : accounts) {
            BigDecimal balance = new BigDecimal(toOne.client().get("accounts/" + account).field("balance"));
            BigDecimal beyond = balance.subtract(accepted.getOrDefault(account, BigDecimal.ZERO));
            assertTrue(isSubsetSum(beyond, lost.getOrDefault(account, List.of())),
                    "account " + account + " holds " + balance + ", which is " + beyond
                            + " beyond its accepted deposits; deposits lost in the kill: " + lost.get(account));
            total = total.add(balance);
        }
        long answered = sent.stream().filter(s -> s.fate() == Fate.ANSWERED).count();
        System.out.printf("Cluster of 2 WildFly nodes: %d deposits sent, %d accepted, %d lost in the kill, %d refused"
                        + " while down; 1 kill, 1 restart; total balance %s; %d s%n",
                sent.size(), answered, lost.values().stream().mapToInt(List::size).sum(),
                sent.size() - answered - lost.values().stream().mapToInt(List::size).sum(), total,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    private List<Deposit> deposits(List<String> accounts, int count) {
        List<Deposit> deposits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(5000), 2);
            deposits.add(new Deposit(accounts.get(random.nextInt(accounts.size())), amount));
        }
        return deposits;
    }

    private static Reply deposit(BankClient client, Deposit deposit) {
        return client.post("accounts/" + deposit.account() + "/deposits", "{\"amount\":\"" + deposit.amount() + "\"}");
    }

    private static boolean isSubsetSum(BigDecimal sum, List<BigDecimal> amounts) {
        if (sum.signum() == 0) {
            return true;
        }
        if (sum.signum() < 0 || amounts.isEmpty()) {
            return false;
        }
        List<BigDecimal> rest = amounts.subList(1, amounts.size());
        return isSubsetSum(sum.subtract(amounts.get(0)), rest) || isSubsetSum(sum, rest);
    }

    private static Route route(WildFlyNode node) throws Exception {
        return new Route(node.name(), new BankClient(new URL(node.baseUri().resolve("bank/").toString())));
    }

    private static void start(WildFlyNode node) {
        try {
            node.start(BOOT);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
