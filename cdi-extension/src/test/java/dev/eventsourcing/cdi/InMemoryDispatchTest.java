package dev.eventsourcing.cdi;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Repository;
import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.cdi.support.EventSourcingWeldTest;
import dev.eventsourcing.cdi.support.TestConfig;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.Recording;
import dev.eventsourcing.system.ReaderStatus;
import dev.eventsourcing.system.Readers;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EventSourcingWeldTest
@AddBeanClasses({Balances.class, Flaky.class, Audit.class})
@TestConfig("eventsourcing.projection.retry-delay=1")
class InMemoryDispatchTest {

    @Inject
    Teller teller;

    @Inject
    Application application;

    @Inject
    Repository<BankAccount> accounts;

    @Inject
    Balances balances;

    @Inject
    Flaky flaky;

    @Inject
    Audit audit;

    @Inject
    Readers projections;

    @Test
    void aFailingHandlerIsRetriedWithoutLosingTheEventOrBlockingOtherProjections() throws InterruptedException {
        UUID id = teller.open("Alice");
        flaky.failTimes(1);

        long first = teller.deposit(id, "10.00");

        ReaderStatus failing = status("flaky");
        assertTrue(failing.failing());
        assertEquals(first, failing.failingId());
        assertTrue(failing.failure().contains("view store unavailable"), failing.failure());
        assertEquals(1, failing.attempts());
        assertEquals(new BigDecimal("10.00"), balances.balance(id), "the other projection goes on");

        Thread.sleep(5); // past the retry delay of 1 ms
        long second = teller.deposit(id, "5.00");

        assertEquals(List.of(first, second), flaky.handled());
        assertFalse(status("flaky").failing());
        assertEquals(second, status("flaky").position());
    }

    @Test
    void catchUpRetriesAFailedHandlerAtOnce() {
        UUID id = teller.open("Bob");
        flaky.failTimes(1);
        long deposit = teller.deposit(id, "1.00");
        assertTrue(flaky.handled().isEmpty());

        projections.catchUp();

        assertEquals(List.of(deposit), flaky.handled());
    }

    @Test
    void aRejectedSaveDispatchesNothing() {
        UUID id = teller.open("Carol");
        BankAccount one = accounts.get(id);
        BankAccount other = accounts.get(id);
        one.deposit(new BigDecimal("1.00"));
        other.deposit(new BigDecimal("2.00"));
        application.save(one);

        assertThrows(IntegrityException.class, () -> application.save(other));

        assertEquals(new BigDecimal("1.00"), balances.balance(id));
        assertEquals(2, audit.events().size());
    }

    @Test
    void plainObserversReceiveSavedEventsAfterCommit() {
        UUID id = teller.open("Dan");
        teller.deposit(id, "3.00");

        List<BankAccount.Event> events = audit.events();
        assertEquals(2, events.size());
        assertTrue(events.get(0) instanceof BankAccount.Opened);
        assertEquals(new BankAccount.Deposited(new BigDecimal("3.00")), events.get(1));
    }

    @Test
    void plainObserversReceiveTheSavedEventItselfNotOneDecodedAgain() {
        List<Recording> recordings = application.save(BankAccount.open("Eve", "eve@example.com"));

        List<BankAccount.Event> events = audit.events();
        assertSame(recordings.get(0).domainEvent().payload(), events.get(events.size() - 1));
    }

    private ReaderStatus status(String name) {
        return projections.statuses().stream().filter(s -> s.reader().equals(name)).findFirst().orElseThrow();
    }
}
