package dev.eventsourcing.cdi;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.cdi.support.EventSourcingWeldTest;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

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
    Projections projections;

    @Test
    void eachApplicationHasItsOwnLogAndAProjectionFollowsEveryOne() {
        assertNotSame(bank, branch);
        bank.open("Alice");
        branch.open("Bob");
        branch.open("Carol");

        assertEquals(1, bank.recorder().maxNotificationId());
        assertEquals(2, branch.recorder().maxNotificationId());
        assertEquals(List.of("Bank:1", "Branch:2"), projections.statuses().stream()
                .map(s -> s.application() + ":" + s.position()).sorted().toList());
        projections.waitFor("balances", "Branch", 2, Duration.ofSeconds(1));
        assertEquals(3, balances.accounts());
    }

    @Test
    void waitingWithoutNamingTheApplicationIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> projections.waitFor("balances", 1, Duration.ofSeconds(1)));
    }

    public static class Branch extends Application {
        public Branch(Settings settings) {
            super(settings);
        }

        void open(String name) {
            save(BankAccount.open(name, name + "@example.com"));
        }
    }
}
