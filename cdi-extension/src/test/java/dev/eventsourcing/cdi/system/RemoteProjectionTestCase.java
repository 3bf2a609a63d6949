package dev.eventsourcing.cdi.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.cdi.Bank;
import dev.eventsourcing.cdi.Teller;
import dev.eventsourcing.cdi.jpa.DepositRow;
import dev.eventsourcing.cdi.support.Deployments;
import dev.eventsourcing.cdi.support.LogServer;
import dev.eventsourcing.cdi.support.TestDatabase;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.ParkedNotification;
import dev.eventsourcing.persistence.WaitTimeoutException;
import dev.eventsourcing.system.ParkedNotifications;
import dev.eventsourcing.system.ReaderStatus;
import dev.eventsourcing.system.Readers;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A projection in the container follows a bank in another deployment: the bank's log (its
 * events compressed and encrypted) is served over HTTP in the wire format, and the projection,
 * configured with the log's URL as {@code Bank}, polls it beside its own deployment's log and
 * writes a view row per deposit with its position, exactly once, across restarts of either
 * side. Subclasses give the follower's database.
 */
abstract class RemoteProjectionTestCase {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String KEY = newKey();

    private final Bank leader = new Bank(Settings.of(Map.of("cipher.key", KEY, "compressor", "zlib")));
    private LogServer server;
    private TestDatabase database;
    private WeldContainer follower;

    /** A fresh, empty database for one test. */
    abstract TestDatabase newDatabase();

    @BeforeEach
    void serveTheBanksLog() throws SQLException {
        server = LogServer.serve(leader, "/bank/api/notifications");
        database = newDatabase();
        database.execute(DepositRow.DDL);
        BankView.DELAY_MILLIS.set(0);
        BankView.HANDLED.set(0);
    }

    @AfterEach
    void stop() throws SQLException {
        if (follower != null && follower.isRunning()) {
            follower.shutdown();
        }
        server.close();
        database.drop();
    }

    @Test
    void aProjectionFollowsAnotherDeploymentsLogExactlyOnceAcrossItsRestart() throws Exception {
        UUID alice = leader.open("Alice");
        for (int i = 0; i < 10; i++) {
            leader.deposit(alice, "1.00");
        }
        follower = start(true);
        Readers projections = follower.select(Readers.class).get();
        projections.waitFor(BankView.NAME, "Bank", leader.recorder().maxNotificationId(), WAIT);
        assertEquals(depositIds(alice), viewedIds(alice));

        Teller teller = follower.select(Teller.class).get(); // the follower's own log goes on beside the remote one
        UUID carol = teller.open("Carol");
        projections.waitFor(BankView.NAME, "Application", teller.deposit(carol, "5.00"), WAIT);
        assertEquals(1, viewedIds(carol).size());

        BankView.DELAY_MILLIS.set(20);
        BankView.HANDLED.set(0);
        for (int i = 0; i < 30; i++) {
            leader.deposit(alice, "1.00");
        }
        waitUntil(() -> BankView.HANDLED.get() >= 3);
        follower.shutdown();
        List<Long> viewedAtShutdown = viewedIds(alice);
        assertTrue(viewedAtShutdown.size() < 40, "stopped before catching up: " + viewedAtShutdown.size());
        for (int i = 0; i < 5; i++) {
            leader.deposit(alice, "1.00");
        }
        int readsBefore = server.starts().size();
        BankView.DELAY_MILLIS.set(0);
        follower = start(true);
        projections = follower.select(Readers.class).get();
        projections.waitUntilCaughtUp(WAIT); // returns only once the remote log is read to its end

        assertEquals(depositIds(alice), viewedIds(alice));
        assertEquals(45, viewedIds(alice).size());
        assertEquals(viewedAtShutdown.get(viewedAtShutdown.size() - 1) + 1, server.starts().get(readsBefore),
                "after the restart, the log is read from the position after the last one recorded");
        ReaderStatus status = status(projections, "Bank");
        assertEquals(leader.recorder().maxNotificationId(), status.position());
        assertFalse(status.failing(), status::toString);
    }

    @Test
    void aProjectionRetriesWhileTheOtherDeploymentIsDownAndCarriesOnWhenItIsBack() throws Exception {
        UUID bob = leader.open("Bob");
        leader.deposit(bob, "1.00");
        long before = leader.recorder().maxNotificationId();
        follower = start(true);
        Readers projections = follower.select(Readers.class).get();
        projections.waitFor(BankView.NAME, "Bank", before, WAIT);

        server.goDown();
        leader.deposit(bob, "2.00");
        leader.deposit(bob, "3.00");
        long last = leader.recorder().maxNotificationId();
        ReaderStatus down = awaitStatus(projections, "Bank", s -> s.failing() && s.attempts() >= 3);

        assertEquals(before, down.position());
        assertEquals(0, down.failingId(), "no notification is to blame");
        assertTrue(down.failure().contains("Cannot read notification log " + server.url()), down.failure());
        assertFalse(status(projections, "Application").failing(), "the deployment's own log goes on");
        assertThrows(WaitTimeoutException.class, () -> projections.waitFor(BankView.NAME, "Bank", last, Duration.ofMillis(200)));
        assertThrows(WaitTimeoutException.class, () -> projections.waitUntilCaughtUp(Duration.ofMillis(200)));
        assertEquals(1, viewedIds(bob).size());

        server.comeBack();
        projections.waitFor(BankView.NAME, "Bank", last, WAIT);

        assertEquals(depositIds(bob), viewedIds(bob));
        ReaderStatus back = awaitStatus(projections, "Bank", s -> !s.failing());
        assertEquals(last, back.position());
    }

    @Test
    void eventsTheFollowerCannotDecryptAreParkedAndProcessedByARetryOnceItHasTheLeadersKey() throws Exception {
        UUID dora = leader.open("Dora");
        leader.deposit(dora, "4.00");
        leader.deposit(dora, "5.00");
        follower = start(false);
        Readers projections = follower.select(Readers.class).get();

        long end = leader.recorder().maxNotificationId();
        ReaderStatus parked = awaitStatus(projections, "Bank", s -> s.position() == end);
        assertEquals(2, parked.parked(), "the deposits are parked: the first cannot be decrypted, the second waits behind it");
        assertFalse(parked.failing(), "the log goes on past them");
        assertEquals(0, viewedIds(dora).size());
        follower.shutdown();

        follower = start(true);
        ParkedNotifications operator = follower.select(ParkedNotifications.class).get();
        List<ParkedNotification> waiting = operator.parked(BankView.NAME, ParkedNotification.Status.PARKED, 10);
        assertEquals(2, waiting.size(), waiting::toString);
        assertEquals(2, operator.retry(BankView.NAME, "Bank", waiting.get(0).notificationId()));
        assertEquals(depositIds(dora), viewedIds(dora));
        assertEquals(List.of(), operator.parked(BankView.NAME, ParkedNotification.Status.PARKED, 10));
    }

    private WeldContainer start(boolean withTheLeadersKey) {
        Map<String, String> config = new HashMap<>(ContainerSystemTestCase.config(database));
        config.put("eventsourcing.projection.batch-size", "5");
        config.put("eventsourcing.bank-view.follow.Bank.url", server.url());
        if (withTheLeadersKey) {
            // Read as an application named Bank reads its settings: the leader's key, this side.
            config.put("eventsourcing.Bank.cipher.key", KEY);
            config.put("eventsourcing.Bank.compressor", "zlib");
        }
        return Deployments.start(config, BankView.class, Teller.class);
    }

    // The ids of the account's deposits in the leader's log.
    private List<Long> depositIds(UUID account) {
        List<Long> ids = new ArrayList<>();
        for (Notification notification : leader.notificationLog().read(1)) {
            if (notification.originatorId().equals(account)
                    && leader.mapper().toDomainEvent(notification.storedEvent()).payload() instanceof BankAccount.Deposited) {
                ids.add(notification.id());
            }
        }
        return ids;
    }

    // The notification ids of the account's view rows, ascending, duplicates kept.
    private List<Long> viewedIds(UUID account) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (var connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT notification_id FROM deposit_view WHERE account_id = '"
                     + account + "' ORDER BY notification_id")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private static ReaderStatus status(Readers projections, String log) {
        return projections.statuses().stream()
                .filter(s -> s.reader().equals(BankView.NAME) && s.upstream().equals(log))
                .findFirst().orElseThrow(() -> new AssertionError("no status for " + log + ": " + projections.statuses()));
    }

    private static ReaderStatus awaitStatus(Readers projections, String log, Predicate<ReaderStatus> condition)
            throws InterruptedException {
        waitUntil(() -> condition.test(status(projections, log)));
        return status(projections, log);
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.sleep(5);
        }
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
