package dev.eventsourcing.example.bank.application;

import dev.eventsourcing.application.AggregateNotFoundException;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.example.bank.BankDeployment;
import dev.eventsourcing.example.bank.domainmodel.Account;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.Tracking;
import dev.eventsourcing.persistence.TrackingRecorder;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    Application bank;

    @Inject
    TrackingRecorder tracking;

    @Inject
    ProjectionPump pump;

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
        summaries.on(openedEvent(id, "Rupert"));
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

        awaitProcessed(last);
        int processedAgain = inTransaction(() -> pump.catchUp());
        AccountSummary summary = inTransaction(() -> summaries.find(id));

        assertEquals(new BigDecimal("11.25"), summary.balance());
        assertEquals(4, summary.version());
        assertEquals(0, processedAgain, "nothing is processed twice");
        assertThrows(IntegrityException.class,
                () -> inTransaction(() -> {
                    tracking.insertTracking(new Tracking(bank.name(), last));
                    return null;
                }), "a processed position cannot be recorded again");
    }

    private void awaitProcessed(long notificationId) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (inTransaction(() -> tracking.maxTrackingId(bank.name())) >= notificationId) {
                return;
            }
            Thread.sleep(100);
        }
        assertTrue(false, "the projection did not reach notification " + notificationId + " within 30 s");
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
