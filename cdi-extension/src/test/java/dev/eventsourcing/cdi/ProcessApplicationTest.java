package dev.eventsourcing.cdi;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.cdi.support.EventSourcingWeldTest;
import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.Ids;
import dev.eventsourcing.system.ApplicationSystem;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.ProcessingEvent;
import dev.eventsourcing.system.ReaderStatus;
import dev.eventsourcing.system.Readers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EventSourcingWeldTest
@AddBeanClasses({ProcessApplicationTest.SystemDefinition.class, Balances.class})
public class ProcessApplicationTest {

    @Inject
    Bank bank;

    @Inject
    Welcomes welcomes;

    @Inject
    Balances balances;

    @Inject
    Readers projections;

    @Test
    void aProcessApplicationOfTheSystemFollowsItsLeaderAfterEachCommit() {
        UUID account = bank.open("Alice");

        Welcome welcome = welcomes.repository(Welcome.class).get(Welcome.idFor(account));
        assertEquals(account, welcome.account());
        assertTrue(projections.statuses().stream()
                .anyMatch(s -> s.reader().equals("Welcomes") && s.upstream().equals("Bank") && s.position() == 1));
    }

    @Test
    void projectionsFollowTheProcessApplicationsLogToo() {
        bank.open("Bob");

        assertEquals(1, welcomes.recorder().maxNotificationId());
        assertTrue(projections.statuses().stream()
                .anyMatch(s -> s.reader().equals("balances") && s.upstream().equals("Welcomes") && s.position() == 1));
    }

    /** Which application follows which, as users define it. */
    @ApplicationScoped
    public static class SystemDefinition {
        @Produces
        ApplicationSystem system = ApplicationSystem.of(List.of(Bank.class, Welcomes.class));
    }

    /** Welcomes each new account. */
    public static class Welcomes extends ProcessApplication {
        public Welcomes(Settings settings) {
            super(settings);
        }

        @Override
        protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
            if (event.payload() instanceof BankAccount.Opened) {
                processing.collectEvents(Welcome.send(event.originatorId()));
            }
        }
    }

    /** A welcome sent to an account. */
    public static class Welcome extends Aggregate {
        private UUID account;

        protected Welcome() {
        }

        public static UUID idFor(UUID account) {
            return Ids.fromName("welcome/" + account);
        }

        static Welcome send(UUID account) {
            return create(idFor(account), Welcome::new, new Sent(account));
        }

        UUID account() {
            return account;
        }

        public record Sent(UUID account) implements AggregateEvent<Welcome> {
            @Override
            public void apply(Welcome welcome) {
                welcome.account = account;
            }
        }
    }
}
