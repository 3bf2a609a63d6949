package dev.eventsourcing.example.bank.application;

import dev.eventsourcing.application.AggregateNotFoundException;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.example.bank.BankDeployment;
import dev.eventsourcing.example.bank.domainmodel.Account;
import dev.eventsourcing.cdi.ProjectionStatus;
import dev.eventsourcing.cdi.Projections;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
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
    Projections projections;

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
        ProjectionStatus status = projections.statuses().stream()
                .filter(s -> s.projection().equals(AccountSummaries.NAME) && s.application().equals(bank.name()))
                .findFirst().orElseThrow();
        assertTrue(status.position() >= last, status.toString());
        assertFalse(status.failing(), status.toString());
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
