package dev.eventsourcing.cdi;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Repository;
import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.cdi.support.EventSourcingWeldTest;
import dev.eventsourcing.system.Readers;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

@EventSourcingWeldTest
@AddBeanClasses(Balances.class)
class SeveralApplicationsTest {

    @Inject
    Bank bank;

    @Inject
    Branch branch;

    @Inject
    Balances balances;

    @Inject
    Readers projections;

    @Inject
    Repository<BankAccount> accounts;

    @Test
    void eachApplicationHasItsOwnLogAndAProjectionFollowsEveryOne() {
        assertNotSame(bank, branch);
        bank.open("Alice");
        branch.open("Bob");
        branch.open("Carol");

        assertEquals(1, bank.recorder().maxNotificationId());
        assertEquals(2, branch.recorder().maxNotificationId());
        assertEquals(List.of("Bank:1", "Branch:2"), projections.statuses().stream()
                .map(s -> s.upstream() + ":" + s.position()).sorted().toList());
        projections.waitFor("balances", "Branch", 2, Duration.ofSeconds(1));
        assertEquals(3, balances.accounts());
    }

    @Test
    void anInjectedRepositoryComesFromTheApplicationThatDeclaresIt() {
        branch.open("Dora");
        UUID id = branch.open("Erin");

        assertEquals("Erin", accounts.get(id).fullName());
        assertEquals(Optional.empty(), bank.repository(BankAccount.class).find(id), "the bank has no such account");
    }

    @Test
    void waitingForAReaderThatDoesNotFollowTheLogIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> projections.waitFor("balances", "Shop", 1, Duration.ofSeconds(1)));
    }

    public static class Branch extends Application {
        public Branch(Settings settings) {
            super(settings);
        }

        /** The branch's accounts: it declares them, so an injected {@code Repository<BankAccount>} is the branch's. */
        public Repository<BankAccount> accounts() {
            return repository(BankAccount.class);
        }

        UUID open(String name) {
            BankAccount account = BankAccount.open(name, name + "@example.com");
            save(account);
            return account.id();
        }
    }
}
