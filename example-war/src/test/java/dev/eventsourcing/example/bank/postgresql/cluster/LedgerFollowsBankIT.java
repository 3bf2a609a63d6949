package dev.eventsourcing.example.bank.postgresql.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsourcing.example.bank.BankClient;
import dev.eventsourcing.example.bank.BankClient.Reply;
import dev.eventsourcing.example.bank.HttpBank;
import dev.eventsourcing.example.bank.TestUser;
import dev.eventsourcing.example.ledger.LedgerDeployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A second deployment follows the bank's notification log over HTTP: the ledger WAR, on a
 * WildFly server and a PostgreSQL database of its own, reads the bank's log from the bank's
 * server twice, with a process application keeping an aggregate per account and with a
 * projection keeping a table row per account. The ledger is killed with SIGKILL while it
 * catches up, and later the bank is; each comes back on its own base directory. After each
 * step the ledger's views must match the bank exactly: per account, one entry per account
 * version, in order, with no version missing or repeated, and the same balance; and a row with
 * the same balance and an event count equal to the account's version.
 */
class LedgerFollowsBankIT {

    private static final Duration BOOT = Duration.ofSeconds(120);
    // The ledger backs off while the bank is down (doubling from 100 ms), so give it time.
    private static final Duration CATCH_UP = Duration.ofSeconds(120);
    private static final int ACCOUNTS = 8;
    // HTTP on 8580 and 8680: clear of the Arquillian server, Payara's test port and ClusterIT.
    private static final int BANK_OFFSET = 500;
    private static final int LEDGER_OFFSET = 600;

    private final List<WildFlyNode> nodes = new ArrayList<>();
    private final Random random = new Random(42);

    @AfterEach
    void killNodes() throws InterruptedException {
        for (WildFlyNode node : nodes) {
            node.close();
        }
    }

    @Test
    void theLedgerSeesEveryBankEventOnceAcrossRestartsOfEitherSide() throws Exception {
        long started = System.nanoTime();
        ClusterDatabase bankDatabase = ClusterDatabase.fresh("bank_follow");
        ClusterDatabase ledgerDatabase = ClusterDatabase.fresh("ledger_follow");
        Path built = Path.of(System.getProperty("bank.war", "target/bank.war")).toAbsolutePath();
        Path folder = Files.createDirectories(built.resolveSibling("follow"));
        Path bankWar = ClusterWar.withDatabaseUrl(built, bankDatabase.url(), folder.resolve("bank.war"));
        WildFlyNode bankNode = node("bank", folder, BANK_OFFSET, bankWar,
                new WildFlyNode.Probe("bank/api/statistics", Optional.of(TestUser.AUDITOR.basicAuthorization())),
                Optional.of(TestUser.propertiesFile()));
        Path ledgerWar = LedgerDeployment.write(built, bankNode.baseUri().resolve("bank/api/notifications"),
                TestUser.AUDITOR, ledgerDatabase.url(), ledgerDatabase.user(), ledgerDatabase.password(), folder);
        WildFlyNode ledgerNode = node("ledger", folder, LEDGER_OFFSET, ledgerWar,
                new WildFlyNode.Probe("ledger/api/position", Optional.empty()), Optional.empty());
        bankNode.start(BOOT);
        ledgerNode.start(BOOT);
        HttpBank bank = new HttpBank(new BankClient(new URL(bankNode.baseUri().resolve("bank/").toString()),
                TestUser.TELLER));
        // The ledger's API has no users of its own: its test-only resource is open.
        BankClient ledger = BankClient.withoutCredentials(new URL(ledgerNode.baseUri().resolve("ledger/").toString()));

        List<UUID> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            UUID id = bank.open("Holder " + i, "holder" + i + "@example.com");
            bank.deposit(id, new BigDecimal("100.00"));
            accounts.add(id);
        }
        work(bank, accounts, 60);
        awaitSameView(bank, ledger, accounts, bankDatabase);

        // The ledger dies while it has a backlog to process, and resumes from its position.
        work(bank, accounts, 60);
        ledgerNode.kill();
        work(bank, accounts, 60);
        ledgerNode.start(BOOT);
        awaitSameView(bank, ledger, accounts, bankDatabase);

        // The bank dies; the ledger's reads fail until it is back, then it goes on.
        work(bank, accounts, 40);
        bankNode.kill();
        Thread.sleep(2_000);
        bankNode.start(BOOT);
        work(bank, accounts, 40);
        awaitSameView(bank, ledger, accounts, bankDatabase);

        long events = bankDatabase.lastNotificationId("Bank");
        ledgerNode.stop();
        bankNode.stop();
        System.out.printf("Ledger following the bank over HTTP: %d bank notifications, each recorded once by the"
                        + " ledger's process application and once by its projection, across 1 ledger kill and 1 bank"
                        + " kill; wall time %d s%n",
                events, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /** Deposits, and transfers between random accounts (some rejected for lack of funds). */
    private void work(HttpBank bank, List<UUID> accounts, int operations) {
        for (int i = 0; i < operations; i++) {
            UUID account = accounts.get(random.nextInt(accounts.size()));
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(2_000), 2);
            UUID other = accounts.get(random.nextInt(accounts.size()));
            if (random.nextInt(3) == 0 || other.equals(account)) {
                bank.deposit(account, amount);
            } else {
                bank.requestTransfer(account, other, amount.multiply(BigDecimal.TEN));
            }
        }
    }

    /**
     * Waits until the ledger has processed the bank's whole log, then checks its view of each
     * account against the bank.
     */
    private static void awaitSameView(HttpBank bank, BankClient ledger, List<UUID> accounts, ClusterDatabase bankDatabase)
            throws Exception {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        long last = -1;
        long target = 0;
        while (System.nanoTime() < deadline) {
            // Transfers settle asynchronously: the bank's log may still grow for a moment.
            target = bankDatabase.lastNotificationId("Bank");
            Reply position = ledger.get("position");
            last = position.status() != 200 ? -1 : Math.min(position.body().get("Ledger").get("position").asLong(),
                    position.body().get("Balances").get("position").asLong());
            if (last == target && target == bankDatabase.lastNotificationId("Bank")) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals(target, last, "the ledger's position in the bank's log after " + CATCH_UP);
        for (UUID account : accounts) {
            JsonNode view = ledger.get("accounts/" + account).body();
            long version = bank.version(account);
            List<Long> versions = new ArrayList<>();
            view.get("accountVersions").forEach(v -> versions.add(v.asLong()));
            List<Long> notifications = new ArrayList<>();
            view.get("notificationIds").forEach(n -> notifications.add(n.asLong()));
            assertEquals(LongStream.rangeClosed(1, version).boxed().toList(), versions,
                    "the ledger recorded each event of account " + account + " once, in order");
            assertEquals(notifications.stream().sorted().distinct().toList(), notifications,
                    "the ledger's notification ids of account " + account + " rise");
            assertEquals(bank.balance(account), new BigDecimal(view.get("balance").asText()),
                    "the ledger's balance of account " + account);
            assertEquals(bank.balance(account), new BigDecimal(view.get("row").get("balance").asText()),
                    "the Balances projection's balance of account " + account);
            assertEquals(version, view.get("row").get("events").asLong(),
                    "the Balances projection counted each event of account " + account + " once");
        }
    }

    private WildFlyNode node(String name, Path folder, int offset, Path war, WildFlyNode.Probe readiness,
                             Optional<Path> systemProperties) throws Exception {
        WildFlyNode node = WildFlyNode.provision(name, Path.of(System.getProperty("jboss.home")),
                folder.resolve(name + "-node"), offset, war, readiness, systemProperties);
        nodes.add(node);
        return node;
    }
}
