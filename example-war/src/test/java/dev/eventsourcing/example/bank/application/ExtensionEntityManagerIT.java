package dev.eventsourcing.example.bank.application;

import dev.eventsourcing.application.AggregateNotFoundException;
import dev.eventsourcing.example.bank.BankDeployment;
import dev.eventsourcing.example.bank.domainmodel.Account;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The bank without its {@code @EventStoreContext} producer: the event sourcing extension then
 * has the container inject the unit's entity manager by itself. WildFly honours that (Payara
 * does not, which is why the example has the producer), so this runs on WildFly only.
 */
@ExtendWith(ArquillianExtension.class)
class ExtensionEntityManagerIT {

    @Deployment
    static WebArchive deployment() {
        return BankDeployment.war().deleteClass(EventStorePersistence.class).addClass(ExtensionEntityManagerIT.class);
    }

    @Inject
    Accounts accounts;

    @Inject
    UserTransaction transaction;

    @Test
    void theEventStoreWorksThroughTheEntityManagerTheExtensionHadInjected() {
        UUID id = accounts.open("Sybil", "sybil@example.com");
        accounts.deposit(id, new BigDecimal("4.50"));

        Account account = accounts.get(id);

        assertEquals(new BigDecimal("4.50"), account.balance());
        assertEquals(2, account.version());
    }

    @Test
    void theEventStoreJoinsTheCallersTransactionThroughThatEntityManager() throws Exception {
        transaction.begin();
        UUID id = accounts.open("Tobias", "tobias@example.com");
        transaction.rollback();

        assertThrows(AggregateNotFoundException.class, () -> accounts.get(id));
    }
}
