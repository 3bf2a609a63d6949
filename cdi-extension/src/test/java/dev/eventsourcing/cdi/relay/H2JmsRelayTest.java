package dev.eventsourcing.cdi.relay;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.cdi.Teller;
import dev.eventsourcing.cdi.support.Deployments;
import dev.eventsourcing.cdi.support.TestDatabase;
import dev.eventsourcing.system.Readers;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The relay on the JPA store (H2), with a connection factory that is not enlisted in the
 * runner's transactions, as outside a container: a transaction that rolls back after a send
 * leaves that message sent, and the notification is sent again, with the same id.
 */
class H2JmsRelayTest {

    private static final FakeJms BROKER = new FakeJms();
    private static TestDatabase database;
    private WeldContainer container;

    @BeforeAll
    static void bind() throws Exception {
        database = TestDatabase.h2();
        FakeNaming.use(Map.of(RelaySettings.DEFAULT_FACTORY, BROKER.connectionFactory(),
                "java:/jms/queue/bank", FakeJms.queue("bank")));
    }

    @AfterAll
    static void unbind() throws Exception {
        FakeNaming.release();
        database.drop();
    }

    @AfterEach
    void shutdown() {
        if (container != null) {
            container.shutdown();
        }
    }

    @Test
    void aBatchRolledBackAfterASendIsSentAgainAndTheCopyCarriesTheSameId() {
        container = Deployments.start(Map.of(
                "eventsourcing.persistence.module", "jpa",
                "eventsourcing.jpa.url", database.url(),
                "eventsourcing.jpa.user", database.user(),
                "eventsourcing.application.name", "Bank",
                "eventsourcing.projection.poll-interval", "50",
                "eventsourcing.relay.Bank.destination", "java:/jms/queue/bank"), Teller.class);
        Readers readers = container.select(Readers.class).get();
        UUID id = container.select(Teller.class).get().open("Alice");
        readers.waitFor("BankRelay", "Bank", 1, Duration.ofSeconds(30));

        // Two events in one save: the relay's batch of two fails at its second send, rolls back
        // and is handled again one notification at a time.
        BROKER.failAfter(1);
        Application bank = container.select(Application.class).get();
        BankAccount account = bank.repository(BankAccount.class).get(id);
        account.deposit(new BigDecimal("1.00"));
        account.deposit(new BigDecimal("2.00"));
        long last = bank.save(account).get(1).notificationId();
        readers.waitFor("BankRelay", "Bank", last, Duration.ofSeconds(30));

        List<FakeJms.Sent> sent = BROKER.sent();
        assertEquals(List.of(1L, 2L, 2L, 3L), sent.stream().map(m -> m.property(RelayMessage.NOTIFICATION_ID)).toList());
        assertEquals(sent.get(1), sent.get(2), "the copy is the same message");
        assertEquals(List.of(1L, 2L, 2L, 3L), sent.stream().map(m -> m.property(RelayMessage.ORIGINATOR_VERSION)).toList());
    }
}
