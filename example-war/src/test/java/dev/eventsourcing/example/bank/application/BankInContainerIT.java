package dev.eventsourcing.example.bank.application;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.AggregateNotFoundException;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.example.bank.BankDeployment;
import dev.eventsourcing.example.bank.domainmodel.Account;
import dev.eventsourcing.persistence.ParkedNotification;
import dev.eventsourcing.persistence.ShreddedException;
import dev.eventsourcing.system.ParkedNotifications;
import dev.eventsourcing.system.ReaderStatus;
import dev.eventsourcing.system.Readers;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inside the server: injection into the EJB, transaction atomicity, exactly-once projection. */
@ExtendWith(ArquillianExtension.class)
class BankInContainerIT {

    @Deployment
    static WebArchive deployment() {
        return BankDeployment.war().addClass(BankInContainerIT.class);
    }

    @Inject
    Accounts accounts;

    @Inject
    AccountSummaries summaries;

    @Inject
    Bank bank;

    @Inject
    Readers projections;

    @Inject
    ParkedNotifications parkedNotifications;

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Inject
    UserTransaction transaction;

    @Test
    void theEjbGetsItsApplicationAndRepositoryInjected() {
        UUID id = accounts.open("Quentin", "quentin@example.com");
        accounts.deposit(id, new BigDecimal("12.30"));

        Account account = accounts.get(id);

        assertEquals("Quentin", account.fullName());
        assertEquals(new BigDecimal("12.30"), account.balance());
        assertEquals(2, account.version());
    }

    @Test
    void eventsAndReadModelRowsOfOneTransactionRollBackTogether() throws Exception {
        transaction.begin();
        UUID id = accounts.open("Rupert", "rupert@example.com");
        DomainEvent<Account.Opened> opened = openedEvent(id, "Rupert");
        summaries.opened(opened.payload(), opened);
        assertNotNull(summaries.find(id), "the row is visible inside the transaction");
        transaction.rollback();

        assertThrows(AggregateNotFoundException.class, () -> accounts.get(id));
        assertNull(inTransaction(() -> summaries.find(id)));
    }

    @Test
    void theProjectionProcessesEachEventExactlyOnce() throws Exception {
        UUID id = accounts.open("Trent", "trent@example.com");
        accounts.deposit(id, new BigDecimal("10.00"));
        accounts.deposit(id, new BigDecimal("2.50"));
        accounts.withdraw(id, new BigDecimal("1.25"));
        long last = inTransaction(() -> bank.recorder().maxNotificationId());

        projections.waitFor(AccountSummaries.NAME, bank.name(), last, Duration.ofSeconds(30));
        AccountSummary summary = inTransaction(() -> summaries.find(id));
        projections.catchUp();
        AccountSummary afterCatchUp = inTransaction(() -> summaries.find(id));

        assertEquals(new BigDecimal("11.25"), summary.balance());
        assertEquals(4, summary.version());
        assertEquals(new BigDecimal("11.25"), afterCatchUp.balance(), "nothing is processed twice");
        ReaderStatus status = projections.statuses().stream()
                .filter(s -> s.reader().equals(AccountSummaries.NAME) && s.upstream().equals(bank.name()))
                .findFirst().orElseThrow();
        assertTrue(status.position() >= last, status.toString());
        assertFalse(status.failing(), status.toString());
    }

    @Test
    void aRolledBackCommandLeavesNothingInTheAggregateCache() throws Exception {
        assertTrue(bank.settings().getInt(Settings.CACHE_MAXSIZE, 0) > 0, "the bank caches accounts");
        UUID id = accounts.open("Ursula", "ursula@example.com");
        transaction.begin();
        accounts.deposit(id, new BigDecimal("5.00"));
        assertEquals(2, accounts.get(id).version(), "the transaction sees its own deposit");
        transaction.rollback();

        accounts.deposit(id, new BigDecimal("7.00"));

        Account account = accounts.get(id);
        assertEquals(2, account.version(), "no version was skipped");
        assertEquals(new BigDecimal("7.00"), account.balance());
    }

    @Test
    void aNotificationThatKeepsFailingIsParkedAndTheReadModelGoesOnUntilItIsRetried() throws Exception {
        UUID broken = accounts.open("Victor", "victor@example.com");
        projections.waitFor(AccountSummaries.NAME, bank.name(), lastId(), Duration.ofSeconds(30));
        inCommittedTransaction(() -> {
            em.remove(em.find(AccountSummary.class, broken.toString())); // a read model out of step: its handlers fail
            return null;
        });
        accounts.deposit(broken, new BigDecimal("1.00"));  // its handler finds no summary and fails
        accounts.deposit(broken, new BigDecimal("2.00"));  // parked behind the first
        UUID healthy = accounts.open("Wendy", "wendy@example.com");
        accounts.deposit(healthy, new BigDecimal("3.00"));

        projections.waitFor(AccountSummaries.NAME, bank.name(), lastId(), Duration.ofSeconds(30));

        assertEquals(new BigDecimal("3.00"), inTransaction(() -> summaries.find(healthy)).balance(),
                "later accounts are projected");
        List<ParkedNotification> parked = parkedOf(broken);
        assertEquals(2, parked.size(), parked::toString);
        assertEquals(5, parked.get(0).attempts(), "parked after projection.attempts failures: " + parked);
        assertTrue(parked.get(0).error().contains("has no summary"), parked::toString);
        assertEquals(parked.get(0).notificationId(), parked.get(1).behind());

        inCommittedTransaction(() -> {
            em.persist(new AccountSummary(broken, "Victor", BigDecimal.ZERO.setScale(2), 1)); // the fix
            return null;
        });
        assertEquals(2, parkedNotifications.retry(AccountSummaries.NAME, bank.name(), parked.get(0).notificationId()));

        assertEquals(new BigDecimal("3.00"), inTransaction(() -> summaries.find(broken)).balance());
        assertTrue(parkedOf(broken).isEmpty(), "both were resolved");
        assertThrows(IllegalArgumentException.class,
                () -> parkedNotifications.retry(AccountSummaries.NAME, bank.name(), parked.get(0).notificationId()),
                "a retried notification is not parked any more");
    }

    // Only those still parked: resolved ones pile up in a database that outlives the test run,
    // and the oldest come first.
    private List<ParkedNotification> parkedOf(UUID originator) {
        return parkedNotifications.parked(AccountSummaries.NAME, ParkedNotification.Status.PARKED, 1000).stream()
                .filter(p -> p.originatorId().equals(originator)).toList();
    }

    @Test
    void shreddingAnAccountErasesTheNameFromTheReadModelAndKeepsTheBalance() throws Exception {
        UUID id = accounts.open("Sybil", "sybil@example.com");
        accounts.deposit(id, new BigDecimal("8.00"));
        projections.waitFor(AccountSummaries.NAME, bank.name(), lastId(), Duration.ofSeconds(30));
        assertEquals("Sybil", inTransaction(() -> summaries.find(id)).fullName());

        accounts.shredPersonalData(id);
        projections.waitFor(AccountSummaries.NAME, bank.name(), lastId(), Duration.ofSeconds(30));

        AccountSummary summary = inTransaction(() -> summaries.find(id));
        assertEquals(AccountSummary.ERASED, summary.fullName());
        assertEquals(new BigDecimal("8.00"), summary.balance());
        assertThrows(ShreddedException.class, () -> accounts.get(id));
        assertTrue(projections.statuses().stream().noneMatch(ReaderStatus::failing), projections.statuses().toString());
    }

    private long lastId() throws Exception {
        return inTransaction(() -> bank.recorder().maxNotificationId());
    }

    private <T> T inCommittedTransaction(Callable<T> work) throws Exception {
        transaction.begin();
        try {
            T result = work.call();
            transaction.commit();
            return result;
        } catch (Exception | Error e) {
            transaction.rollback();
            throw e;
        }
    }

    private <T> T inTransaction(Callable<T> work) throws Exception {
        transaction.begin();
        try {
            return work.call();
        } finally {
            transaction.rollback();
        }
    }

    private static DomainEvent<Account.Opened> openedEvent(UUID id, String fullName) {
        return new DomainEvent<>(id, 1, Instant.now(), new Account.Opened(fullName, fullName + "@example.com"));
    }
}
