package dev.eventsourcing.cdi.jpa;

import dev.eventsourcing.application.AggregateNotFoundException;
import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.cdi.EventStoreReset;
import dev.eventsourcing.cdi.Teller;
import dev.eventsourcing.cdi.support.Deployments;
import dev.eventsourcing.cdi.support.TestDatabase;
import dev.eventsourcing.system.ReaderStatus;
import dev.eventsourcing.system.Readers;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Emptying the JPA store of a running deployment (RESOURCE_LOCAL, as in Java SE): the events,
 * positions, view and cache are gone, and the same readers process what is saved next.
 */
class H2EventStoreResetTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static TestDatabase database;
    private WeldContainer container;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = TestDatabase.h2();
        database.execute(DepositRow.DDL);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.drop();
    }

    @BeforeEach
    void deploy() {
        container = Deployments.start(Map.of(
                "eventsourcing.persistence.module", "jpa",
                "eventsourcing.jpa.url", database.url(),
                "eventsourcing.jpa.user", database.user(),
                "eventsourcing.cache.maxsize", "10",
                "eventsourcing.testing.reset.enabled", "true"), Teller.class, DepositView.class);
    }

    @AfterEach
    void undeploy() {
        container.shutdown();
    }

    @Test
    void theStoreTheViewAndTheCacheAreEmptiedAndReadersStartAgainFromTheBeginning() throws Exception {
        Teller teller = container.select(Teller.class).get();
        Readers readers = container.select(Readers.class).get();
        UUID before = teller.open("Alice");
        teller.deposit(before, "5.00");
        readers.waitUntilCaughtUp(TIMEOUT);
        assertEquals(new java.math.BigDecimal("5.00"), teller.balance(before));
        long lastBefore = teller.application().recorder().maxNotificationId();

        container.select(EventStoreReset.class).get().reset(() -> deleteView());

        assertTrue(teller.application().recorder().selectNotifications(1, 10).isEmpty());
        assertEquals(0, database.count("SELECT COUNT(*) FROM deposit_view"));
        assertThrows(AggregateNotFoundException.class,
                () -> teller.application().repository(BankAccount.class).get(before), "not answered from the cache");
        assertTrue(readers.statuses().stream().allMatch(status -> status.position() == 0), readers.statuses().toString());

        UUID after = teller.open("Bob");
        long deposited = teller.deposit(after, "2.00");
        readers.waitFor("deposit-view", "Application", deposited, TIMEOUT);
        assertTrue(deposited > lastBefore, "notification ids go on");
        assertEquals(1, database.count("SELECT COUNT(*) FROM deposit_view"));
        assertEquals(1, database.count("SELECT COUNT(*) FROM deposit_view WHERE account_id = '" + after + "'"));
        ReaderStatus status = readers.statuses().get(0);
        assertEquals(deposited, status.position());
    }

    @Test
    void aClearingThatFailsLeavesTheStoreAsItWasAndTheReadersRunning() throws Exception {
        Teller teller = container.select(Teller.class).get();
        Readers readers = container.select(Readers.class).get();
        UUID id = teller.open("Carol");

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> container.select(EventStoreReset.class).get().reset(() -> {
                    throw new IllegalStateException("the view's table is locked");
                }));

        assertEquals("the view's table is locked", error.getMessage());
        assertEquals(1, teller.application().recorder().selectNotifications(1, 10).size(), "the deletion rolled back");
        long deposited = teller.deposit(id, "1.00");
        readers.waitFor("deposit-view", "Application", deposited, TIMEOUT);
    }

    private static void deleteView() {
        try {
            database.execute("DELETE FROM deposit_view");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
