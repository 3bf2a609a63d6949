package dev.eventsourcing.browser;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.system.transfers.Account;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How a stored event that cannot be shown as it was is described. */
class EventJsonTest {

    private final Mapper mapper = Mapper.builder().declare(Account.class).build();

    @Test
    void aShreddedNotificationIsMarkedShreddedWithItsTypeAndNoState() {
        String topic = mapper.toStoredEvent(new dev.eventsourcing.domain.DomainEvent<>(UUID.randomUUID(), 1,
                java.time.Instant.now(), new Account.Closed())).topic();

        ObjectNode node = EventJson.notification(new Notification(7, UUID.randomUUID(), 3, topic, new byte[0], true), mapper);

        assertEquals("shredded", node.get("status").asText());
        assertEquals("Account.Closed", node.get("type").asText());
        assertNull(node.get("state"));
    }

    @Test
    void aNotificationOfAnUnknownTopicIsMarkedSoWithoutAType() {
        ObjectNode node = EventJson.notification(new Notification(7, UUID.randomUUID(), 1, "com.example.Gone", new byte[] {'{', '}'}),
                mapper);

        assertEquals("unknown_topic", node.get("status").asText());
        assertEquals("com.example.Gone", node.get("topic").asText());
        assertEquals(true, node.get("type").isNull());
    }
}
