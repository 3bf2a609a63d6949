package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.Settings;
import dev.eventsourcing.persistence.ParkedNotification;
import dev.eventsourcing.persistence.ParkingRecorder;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Tracking;
import dev.eventsourcing.persistence.TrackingRecorder;
import dev.eventsourcing.persistence.Transactions;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runner's transactions in Java SE: recorders called inside {@code inNewTransaction} in the
 * same thread join it, so a reader's view rows, tracking position and parked notifications
 * commit or roll back together; work after commit runs only after a commit.
 */
abstract class ThreadBoundTransactionsTestCase {

    private static final Settings NO_SETTINGS = Settings.of(Map.of());

    /** The test class's database. */
    protected abstract TestDatabase database();

    private ThreadBoundTransactions transactions;
    private JpaInfrastructureFactory balances;

    @BeforeEach
    void makeTheViewTableEmpty() throws SQLException {
        try (Connection connection = database().connection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS test_view (id BIGINT PRIMARY KEY, note VARCHAR(100))");
            statement.execute("DELETE FROM test_view");
            statement.execute("DELETE FROM es_parked");
        }
        transactions = new ThreadBoundTransactions(database().factory());
        balances = new JpaInfrastructureFactory(TestDatabase.uniqueName("balances"), NO_SETTINGS, transactions,
                database().strategy());
    }

    @Test
    void recordersCalledInsideANewTransactionCommitWithTheWorksOwnWrites() throws SQLException {
        TrackingRecorder tracking = balances.trackingRecorder();
        ParkingRecorder parking = balances.parkingRecorder();

        transactions.inNewTransaction(resource -> {
            insertViewRow((EntityManager) resource, 1);
            tracking.insertTracking(new Tracking("bank", 1));
            parking.park(parked(2));
            return null;
        });

        assertEquals(1, countViewRows());
        assertEquals(1, tracking.maxTrackingId("bank"));
        assertTrue(parking.get(balances.applicationName(), "bank", 2).isPresent());
    }

    @Test
    void recordersCalledInsideANewTransactionRollBackWithIt() throws SQLException {
        TrackingRecorder tracking = balances.trackingRecorder();
        ParkingRecorder parking = balances.parkingRecorder();

        assertThrows(IllegalStateException.class, () -> transactions.inNewTransaction(resource -> {
            insertViewRow((EntityManager) resource, 1);
            tracking.insertTracking(new Tracking("bank", 1));
            parking.park(parked(2));
            throw new IllegalStateException("the handler failed after recording");
        }));

        assertEquals(0, countViewRows());
        assertEquals(0, tracking.maxTrackingId("bank"));
        assertTrue(parking.get(balances.applicationName(), "bank", 2).isEmpty());
    }

    @Test
    void recordersOfOtherApplicationsOnTheSameUnitJoinToo() {
        JpaInfrastructureFactory bank = new JpaInfrastructureFactory(TestDatabase.uniqueName("bank"), NO_SETTINGS,
                JpaTransactions.resourceLocal(database().factory()), database().strategy());
        var bankRecorder = bank.processRecorder();
        TrackingRecorder tracking = balances.trackingRecorder();

        assertThrows(IllegalStateException.class, () -> transactions.inNewTransaction(resource -> {
            bankRecorder.insertEvents(List.of(event()));
            tracking.insertTracking(new Tracking("bank", 1));
            throw new IllegalStateException("rolled back");
        }));

        assertEquals(0, bankRecorder.maxNotificationId());
        assertEquals(0, tracking.maxTrackingId("bank"));
    }

    @Test
    void outsideANewTransactionEachCallCommitsOnItsOwn() throws SQLException {
        TrackingRecorder tracking = balances.trackingRecorder();

        assertFalse(transactions.active());
        assertTrue(transactions.ownsTransactions());
        tracking.insertTracking(new Tracking("bank", 1));

        assertEquals(1, tracking.maxTrackingId("bank"));
    }

    @Test
    void theTransactionIsActiveOnlyInsideTheWorkAndInItsThread() throws Exception {
        List<Boolean> seen = new ArrayList<>();

        transactions.inNewTransaction(resource -> {
            seen.add(transactions.active());
            seen.add(transactions.ownsTransactions());
            seen.add(CompletableFuture.supplyAsync(transactions::active).join());
            return null;
        });
        assertThrows(IllegalStateException.class, () -> transactions.inNewTransaction(resource -> {
            throw new IllegalStateException("failed");
        }));

        assertEquals(List.of(true, false, false), seen);
        assertFalse(transactions.active());
        assertTrue(transactions.atomic());
    }

    @Test
    void workAfterCommitRunsOnceTheWritesAreVisibleAndNeverAfterARollback() {
        List<String> ran = new ArrayList<>();

        transactions.inNewTransaction(resource -> {
            insertViewRow((EntityManager) resource, 1);
            transactions.afterCommit(() -> ran.add("committed, rows seen: " + countViewRowsUnchecked()));
            ran.add("working");
            return null;
        });
        assertThrows(IllegalStateException.class, () -> transactions.inNewTransaction(resource -> {
            transactions.afterCommit(() -> ran.add("after a rollback"));
            throw new IllegalStateException("rolled back");
        }));
        transactions.afterCommit(() -> ran.add("outside: at once"));

        assertEquals(List.of("working", "committed, rows seen: 1", "outside: at once"), ran);
    }

    @Test
    void aUnitOfWorkHasAKeyOfItsOwnAndWorkAfterItsEndRunsAfterACommitOrARollback() {
        List<String> ended = new ArrayList<>();
        assertEquals(null, transactions.transactionKey(), "no key outside a unit of work");

        Object first = transactions.inNewTransaction(resource -> {
            Object key = transactions.transactionKey();
            assertSame(key, transactions.transactionKey(), "one key for the whole unit of work");
            transactions.afterCompletion(() -> ended.add("committed"));
            transactions.afterCommit(() -> ended.add("after commit"));
            return key;
        });
        assertThrows(IllegalStateException.class, () -> transactions.inNewTransaction(resource -> {
            assertFalse(first.equals(transactions.transactionKey()), "each unit of work has its own key");
            transactions.afterCompletion(() -> ended.add("rolled back"));
            throw new IllegalStateException("boom");
        }));
        transactions.afterCompletion(() -> ended.add("at once"));

        assertEquals(List.of("after commit", "committed", "rolled back", "at once"), ended);
    }

    @Test
    void aNewTransactionInsideAnotherIsIndependentOfIt() throws SQLException {
        TrackingRecorder tracking = balances.trackingRecorder();

        assertThrows(IllegalStateException.class, () -> transactions.inNewTransaction(outer -> {
            insertViewRow((EntityManager) outer, 1);
            transactions.inNewTransaction(inner -> {
                tracking.insertTracking(new Tracking("bank", 1));
                return null;
            });
            tracking.insertTracking(new Tracking("bank", 2));
            throw new IllegalStateException("the outer transaction rolls back");
        }));

        assertEquals(0, countViewRows());
        assertEquals(1, tracking.maxTrackingId("bank"), "the inner transaction committed, the outer did not");
    }

    @Test
    void theFactoryOffersTheTransactionsItsRecordersJoin() {
        assertSame(transactions, balances.transactions());

        Transactions container = Transactions.NONE;
        var inContainer = new JpaInfrastructureFactory("bank", NO_SETTINGS, transactions, database().strategy(), container);
        assertSame(container, inContainer.transactions());

        var joinedWithoutContainer = new JpaInfrastructureFactory("bank", NO_SETTINGS,
                new JoinedOnly(), database().strategy());
        assertThrows(UnsupportedOperationException.class, joinedWithoutContainer::transactions);
        assertInstanceOf(JpaParkingRecorder.class, joinedWithoutContainer.parkingRecorder());
    }

    /** Recorders' transactions that only join (as {@link JpaTransactions#joining} does). */
    private static final class JoinedOnly implements JpaTransactions {
        @Override
        public <T> T inTransaction(java.util.function.Function<EntityManager, T> work) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean ownsTransactions() {
            return false;
        }
    }

    private static void insertViewRow(EntityManager em, long id) {
        em.createNativeQuery("INSERT INTO test_view (id, note) VALUES (?1, ?2)")
                .setParameter(1, id)
                .setParameter(2, "view row " + id)
                .executeUpdate();
    }

    private ParkedNotification parked(long id) {
        return new ParkedNotification(balances.applicationName(), "bank", id, UUID.randomUUID(), 1, "bank.Deposited",
                "failed", "", 1, Instant.parse("2026-01-01T00:00:00Z"), 0, ParkedNotification.Status.PARKED, null);
    }

    private static StoredEvent event() {
        return new StoredEvent(UUID.randomUUID(), 1, "bank.Opened", new byte[] {1});
    }

    private long countViewRows() throws SQLException {
        try (Connection connection = database().connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM test_view")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private long countViewRowsUnchecked() {
        try {
            return countViewRows();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
