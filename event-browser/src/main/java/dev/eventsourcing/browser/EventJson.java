package dev.eventsourcing.browser;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.DecryptionException;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.MapperException;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.ShreddedException;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.UnknownTopicException;

/**
 * A stored event as the event browser shows it: its topic, the simple name of its class, and
 * either its decoded state with its timestamp ({@code "status": "decoded"}) or why it cannot be
 * shown: {@code encrypted} (no key here decrypts it), {@code shredded} (its personal data was
 * shredded), {@code unknown_topic} or {@code undecodable}, with a {@code problem} message.
 * Nothing is written back: a stored event that cannot be read stays as it is.
 */
final class EventJson {

    private EventJson() {
    }

    static ObjectNode notification(Notification notification, Mapper mapper) {
        ObjectNode node = Reply.JSON.createObjectNode()
                .put("id", notification.id())
                .put("originatorId", notification.originatorId().toString())
                .put("originatorVersion", notification.originatorVersion());
        return describe(node, notification.storedEvent(), notification.shredded(), mapper);
    }

    static ObjectNode event(StoredEvent stored, Mapper mapper) {
        ObjectNode node = Reply.JSON.createObjectNode().put("version", stored.originatorVersion());
        return describe(node, stored, false, mapper);
    }

    private static ObjectNode describe(ObjectNode node, StoredEvent stored, boolean shredded, Mapper mapper) {
        node.put("topic", stored.topic());
        node.put("type", typeName(stored.topic(), mapper));
        if (shredded) {
            return node.put("status", "shredded");
        }
        try {
            DomainEvent<?> event = mapper.toDomainEvent(stored);
            node.put("timestamp", event.timestamp().toString());
            node.put("status", "decoded");
            node.set("state", mapper.transcoder().decodeTree(mapper.transcoder().encode(event.payload())));
        } catch (ShreddedException e) {
            node.put("status", "shredded");
        } catch (DecryptionException e) {
            node.put("status", "encrypted").put("problem", e.getMessage());
        } catch (UnknownTopicException e) {
            node.put("status", "unknown_topic").put("problem", e.getMessage());
        } catch (MapperException e) {
            node.put("status", "undecodable").put("problem", e.getMessage());
        }
        return node;
    }

    // Account.Deposited rather than com.example.Account$Deposited; null when the topic is unknown.
    private static String typeName(String topic, Mapper mapper) {
        try {
            String name = mapper.eventType(topic).getName();
            return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
        } catch (UnknownTopicException e) {
            return null;
        }
    }
}
