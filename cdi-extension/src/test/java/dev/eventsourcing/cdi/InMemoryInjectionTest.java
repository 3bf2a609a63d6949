package dev.eventsourcing.cdi;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Repository;
import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.cdi.support.EventSourcingWeldTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

@EventSourcingWeldTest
class InMemoryInjectionTest {

    @Inject
    Teller teller;

    @Inject
    Application application;

    @Inject
    Repository<BankAccount> accounts;

    @Inject
    Settings settings;

    @Test
    void aBeanSavesThroughTheInjectedApplicationAndGetsThroughTheInjectedRepository() {
        UUID id = teller.open("Alice");
        teller.deposit(id, "10.00");
        teller.deposit(id, "2.50");

        assertEquals(new BigDecimal("12.50"), teller.balance(id));
        assertEquals(3, accounts.get(id).version());
    }

    @Test
    void theDefaultApplicationIsOneSingletonNamedApplication() {
        assertSame(application, teller.application());
        assertEquals("Application", application.name());
    }

    @Test
    void theDefaultStoreIsInMemoryAndDispatchIsSynchronous() {
        UUID id = teller.open("Bob");

        assertEquals(1, application.recorder().maxNotificationId());
        assertEquals("Bob", accounts.get(id).fullName());
    }

    @Test
    void theDeploymentsSettingsAreInjectableAndReadTheKeysWithTheLibrarysPrefix() {
        String key = "injection-test.probe." + UUID.randomUUID();
        System.setProperty("eventsourcing." + key, "read");
        try {
            assertEquals(Optional.of("read"), settings.get(key));
            assertEquals(Optional.empty(), settings.get(key + ".absent"));
        } finally {
            System.clearProperty("eventsourcing." + key);
        }
    }
}
