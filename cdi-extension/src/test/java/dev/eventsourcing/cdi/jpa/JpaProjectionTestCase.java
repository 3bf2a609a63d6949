package dev.eventsourcing.cdi.jpa;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.cdi.Bank;
import dev.eventsourcing.cdi.ProcessApplicationTest;
import dev.eventsourcing.cdi.Teller;
import dev.eventsourcing.cdi.support.Deployments;
import dev.eventsourcing.cdi.support.TestDatabase;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.WaitTimeoutException;
import dev.eventsourcing.system.Readers;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The extension on the JPA backend with asynchronous dispatch, against one database per
 * subclass: events and view rows in the same database, projections exactly once across
 * container restarts, failed handlers rolled back with their position.
 */
abstract class JpaProjectionTestCase {

    private String applicationName;
    private WeldContainer container;

    /** The database of the subclass, with the view table created. */
    abstract TestDatabase database();

    @BeforeEach
    void reset() {
        applicationName = "Bank-" + UUID.randomUUID().toString().substring(0, 8);
        DepositView.DELAY_MILLIS.set(0);
        DepositView.FAILURES_LEFT.set(0);
        DepositView.HANDLED.set(0);
        DepositView.gate = new CountDownLatch(0);
    }

    @AfterEach
    void shutdown() {
        if (container != null && container.isRunning()) {
            container.shutdown();
        }
    }

    private WeldContainer start() {
        return start(Teller.class, DepositView.class);
    }

    private WeldContainer start(Class<?>... beanClasses) {
        return start(Map.of(), beanClasses);
    }

    private WeldContainer start(Map<String, String> extra, Class<?>... beanClasses) {
        Map<String, String> config = new HashMap<>(Map.of(
                "eventsourcing.persistence.module", "jpa",
                "eventsourcing.jpa.url", database().url(),
                "eventsourcing.jpa.user", database().user(),
                "eventsourcing.application.name", applicationName,
                "eventsourcing.projection.poll-interval", "50",
                "eventsourcing.projection.retry-delay", "20"));
        config.putAll(extra);
        container = Deployments.start(config, beanClasses);
        return container;
    }

    @Test
    void aProjectionProcessesEveryEventExactlyOnceAcrossARestartInTheMiddleOfTheStream() throws Exception {
        // One notification per transaction, and the first held until every deposit is saved: the
        // container then stops a few notifications into the stream however slow the writes are.
        DepositView.DELAY_MILLIS.set(20);
        DepositView.gate = new CountDownLatch(1);
        WeldContainer first = start(Map.of("eventsourcing.projection.batch-size", "1"), Teller.class, DepositView.class);
        Teller teller = first.select(Teller.class).get();
        UUID id = teller.open("Alice");
        long last = 0;
        for (int i = 0; i < 40; i++) {
            last = teller.deposit(id, "1.00");
        }
        DepositView.gate.countDown();
        waitUntil(() -> DepositView.HANDLED.get() >= 3);
        first.shutdown();
        long rowsAtShutdown = rows(id);
        assertTrue(rowsAtShutdown < 40, "the container stopped before the projection caught up: " + rowsAtShutdown);

        DepositView.DELAY_MILLIS.set(0);
        WeldContainer second = start();
        second.select(Readers.class).get().waitFor("deposit-view", applicationName, last, Duration.ofSeconds(30));

        assertEquals(40, rows(id));
        assertEquals(40, database().count("SELECT COUNT(DISTINCT notification_id) FROM deposit_view WHERE account_id = '"
                + id + "'"));
        assertEquals(new BigDecimal("40.00"), second.select(Teller.class).get().balance(id));
    }

    @Test
    void twoNodesFollowingTheSameLogProcessEachEventOnceBetweenThem() throws Exception {
        WeldContainer one = start();
        WeldContainer other = start();
        try {
            Teller onOne = one.select(Teller.class).get();
            Teller onOther = other.select(Teller.class).get();
            List<String> accounts = new ArrayList<>();
            long last = 0;
            for (int i = 0; i < 30; i++) {
                // Openings are passed over, deposits handled: batches and claims of every shape.
                UUID first = onOne.open("Dora" + i);
                UUID second = onOther.open("Emil" + i);
                accounts.add("'" + first + "'");
                accounts.add("'" + second + "'");
                onOne.deposit(first, "1.00");
                last = Math.max(last, onOther.deposit(second, "2.00"));
            }

            one.select(Readers.class).get().waitFor("deposit-view", applicationName, last, Duration.ofSeconds(30));
            other.select(Readers.class).get().waitFor("deposit-view", applicationName, last, Duration.ofSeconds(30));

            String ofTheseAccounts = " FROM deposit_view WHERE account_id IN (" + String.join(", ", accounts) + ")";
            assertEquals(60, database().count("SELECT COUNT(*)" + ofTheseAccounts));
            assertEquals(60, database().count("SELECT COUNT(DISTINCT notification_id)" + ofTheseAccounts));
        } finally {
            other.shutdown();
        }
    }

    @Test
    void aFailedHandlerRollsBackItsViewWritesWithItsPositionAndIsRetried() throws Exception {
        DepositView.FAILURES_LEFT.set(2);
        WeldContainer running = start();
        Teller teller = running.select(Teller.class).get();
        UUID id = teller.open("Bob");
        long deposit = teller.deposit(id, "7.00");

        Readers projections = running.select(Readers.class).get();
        projections.waitFor("deposit-view", applicationName, deposit, Duration.ofSeconds(10));

        assertEquals(1, database().count("SELECT COUNT(*) FROM deposit_view WHERE notification_id = " + deposit
                + " AND account_id = '" + id + "'"));
        assertFalse(projections.statuses().get(0).failing());
        assertEquals(deposit, projections.statuses().get(0).position());
    }

    @Test
    void aRejectedSaveStoresAndDispatchesNothing() throws Exception {
        WeldContainer running = start();
        Teller teller = running.select(Teller.class).get();
        Application application = running.select(Application.class).get();
        UUID id = teller.open("Carol");
        BankAccount stale = application.repository(BankAccount.class).get(id);
        long deposit = teller.deposit(id, "1.00");
        stale.deposit(new BigDecimal("2.00"));

        assertThrows(IntegrityException.class, () -> application.save(stale));

        running.select(Readers.class).get().waitFor("deposit-view", applicationName, deposit, Duration.ofSeconds(10));
        assertEquals(deposit, application.recorder().maxNotificationId());
        assertEquals(1, rows(id));
    }

    @Test
    void aProcessApplicationFollowsItsLeaderInTheDatabase() {
        WeldContainer running = start(Bank.class, ProcessApplicationTest.Welcomes.class,
                ProcessApplicationTest.SystemDefinition.class);
        Bank bank = running.select(Bank.class).get();
        ProcessApplicationTest.Welcomes welcomes = running.select(ProcessApplicationTest.Welcomes.class).get();
        UUID account = bank.open("Fay");

        running.select(Readers.class).get().waitFor("Welcomes", "Bank", bank.recorder().maxNotificationId(),
                Duration.ofSeconds(10));

        assertTrue(welcomes.repository(ProcessApplicationTest.Welcome.class)
                .contains(ProcessApplicationTest.Welcome.idFor(account)));
    }

    @Test
    void waitingForANotificationNotYetProcessedTimesOut() {
        WeldContainer running = start();
        Readers projections = running.select(Readers.class).get();

        assertThrows(WaitTimeoutException.class, () -> projections.waitFor("deposit-view", applicationName, 1_000, Duration.ofMillis(100)));
    }

    private long rows(UUID account) throws SQLException {
        return database().count("SELECT COUNT(*) FROM deposit_view WHERE account_id = '" + account + "'");
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(5);
        }
    }
}
