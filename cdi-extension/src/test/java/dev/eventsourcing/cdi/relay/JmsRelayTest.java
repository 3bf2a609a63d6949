package dev.eventsourcing.cdi.relay;

import dev.eventsourcing.cdi.Teller;
import dev.eventsourcing.cdi.support.EventSourcingWeldTest;
import dev.eventsourcing.cdi.support.TestConfig;
import dev.eventsourcing.system.ReaderStatus;
import dev.eventsourcing.system.Readers;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relay of the default application, sending to a fake broker that the fake JNDI names. */
@EventSourcingWeldTest
@TestConfig({"eventsourcing.relay.Application.destination=java:/jms/queue/bank",
        "eventsourcing.projection.retry-delay=1"})
class JmsRelayTest {

    private static final FakeJms BROKER = new FakeJms();

    @Inject
    Teller teller;

    @Inject
    Readers readers;

    @Inject
    @Readiness
    Instance<HealthCheck> readiness;

    @BeforeAll
    static void bind() {
        FakeNaming.use(Map.of(RelaySettings.DEFAULT_FACTORY, BROKER.connectionFactory(),
                "java:/jms/queue/bank", FakeJms.queue("bank")));
    }

    @AfterAll
    static void unbind() {
        FakeNaming.release();
    }

    @BeforeEach
    void forgetEarlierTests() {
        BROKER.clear();
    }

    @Test
    void eachNotificationIsSentOnceAsJsonWithItsIdTopicAndOriginator() {
        UUID alice = teller.open("Alice");
        long deposit = teller.deposit(alice, "10.00");

        List<FakeJms.Sent> sent = BROKER.sent();
        assertEquals(2, sent.size());
        FakeJms.Sent opened = sent.get(0);
        assertEquals("bank", opened.destination());
        assertEquals("{\"fullName\":\"Alice\",\"emailAddress\":\"alice@example.com\"}", opened.text());
        assertEquals(deposit - 1, opened.property(RelayMessage.NOTIFICATION_ID));
        assertEquals("Application", opened.property(RelayMessage.APPLICATION));
        assertTrue(((String) opened.property(RelayMessage.TOPIC)).endsWith("BankAccount$Opened"),
                () -> "topic " + opened.property(RelayMessage.TOPIC));
        assertEquals(alice.toString(), opened.property(RelayMessage.ORIGINATOR_ID));
        assertEquals(alice.toString(), opened.property(RelayMessage.GROUP_ID));
        assertEquals(1L, opened.property(RelayMessage.ORIGINATOR_VERSION));
        assertEquals(false, opened.property(RelayMessage.SHREDDED));
        assertTrue(opened.properties().containsKey(RelayMessage.TIMESTAMP));
        assertEquals(DeliveryMode.PERSISTENT, opened.deliveryMode());

        FakeJms.Sent deposited = sent.get(1);
        assertEquals("{\"amount\":10.00}", deposited.text());
        assertEquals(deposit, deposited.property(RelayMessage.NOTIFICATION_ID));
        assertEquals(2L, deposited.property(RelayMessage.ORIGINATOR_VERSION));
        assertEquals(0, BROKER.openContexts(), "every context is closed after its send");
    }

    @Test
    void theMessagesOfEachOriginatorAreSentInTheirOrder() {
        UUID alice = teller.open("Alice");
        UUID bob = teller.open("Bob");
        for (int i = 1; i <= 5; i++) {
            teller.deposit(alice, i + ".00");
            teller.deposit(bob, i + ".50");
        }

        List<FakeJms.Sent> sent = BROKER.sent();
        assertEquals(12, sent.size());
        Map<Object, Long> lastVersion = new HashMap<>();
        long lastId = 0;
        for (FakeJms.Sent message : sent) {
            long id = (Long) message.property(RelayMessage.NOTIFICATION_ID);
            assertTrue(id > lastId, "ids ascend: " + id + " after " + lastId);
            lastId = id;
            long version = (Long) message.property(RelayMessage.ORIGINATOR_VERSION);
            Long before = lastVersion.put(message.property(RelayMessage.ORIGINATOR_ID), version);
            assertEquals(before == null ? 1 : before + 1, version);
        }
        assertEquals(Map.of(alice.toString(), 6L, bob.toString(), 6L), lastVersion);
    }

    @Test
    void theRelayIsAReaderWhosePositionIsTheLastNotificationSent() {
        UUID alice = teller.open("Alice");
        long deposit = teller.deposit(alice, "1.00");

        ReaderStatus relay = readers.statuses().stream()
                .filter(status -> status.reader().equals("ApplicationRelay")).findFirst().orElseThrow();
        assertEquals("Application", relay.upstream());
        assertEquals(deposit, relay.position());
        assertFalse(relay.failing());
    }

    @Test
    void theRelayHasAReadinessCheckLikeAProjection() {
        long deposit = teller.deposit(teller.open("Alice"), "1.00");

        HealthCheckResponse relay = readiness.stream().map(HealthCheck::call)
                .filter(response -> response.getName().equals("eventsourcing.reader.ApplicationRelay"))
                .findFirst().orElseThrow();
        assertEquals(HealthCheckResponse.Status.UP, relay.getStatus());
        assertEquals(deposit, relay.getData().orElseThrow().get("Application.position"));
    }

    @Test
    void aSendTheBrokerRefusedIsRetriedAndTheNotificationSentOnce() {
        UUID alice = teller.open("Alice");
        BROKER.failNext(1);
        long deposit = teller.deposit(alice, "2.00");
        assertEquals(1, BROKER.sent().size());

        readers.catchUp();

        List<FakeJms.Sent> sent = BROKER.sent();
        assertEquals(2, sent.size());
        assertEquals(deposit, sent.get(1).property(RelayMessage.NOTIFICATION_ID));
    }
}
