package dev.eventsourcing.cdi;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Repository;
import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.cdi.support.EventSourcingWeldTest;
import dev.eventsourcing.cdi.support.TestConfig;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EventSourcingWeldTest
@AddBeanClasses(Balances.class)
@TestConfig({
        "eventsourcing.compressor=zlib",
        "eventsourcing.Bank.cipher.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "eventsourcing.cache.maxsize=10"})
class ApplicationSubclassTest {

    @Inject
    Bank bank;

    @Inject
    Application application;

    @Inject
    Repository<BankAccount> accounts;

    @Inject
    Balances balances;

    @Test
    void aSubclassOfApplicationIsTheDeploymentsApplication() {
        assertSame(bank, application);
        assertEquals("Bank", bank.name());

        UUID id = bank.open("Alice");
        bank.deposit(id, "4.00");

        assertEquals(new BigDecimal("4.00"), accounts.get(id).balance());
        assertEquals(new BigDecimal("4.00"), balances.balance(id));
    }

    @Test
    void settingsComeFromMicroProfileConfigWithTheApplicationsOwnKeysFirst() {
        assertTrue(bank.mapper().compressor().isPresent());
        assertTrue(bank.mapper().cipher().isPresent());
        assertEquals("10", bank.settings().get("cache.maxsize").orElseThrow());
    }
}
