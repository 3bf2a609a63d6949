package dev.eventsourcing.cdi.relay;

import dev.eventsourcing.persistence.Notification;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;

import java.time.Instant;

/**
 * One notification as the relay sends it: a {@code TextMessage} whose body is the event's data
 * as plain JSON (decrypted and decompressed; {@code null} for an event whose personal data was
 * shredded), with the notification in its properties. The property names are JMS identifiers,
 * so that message selectors can use them ({@code originatorVersion > 1}).
 *
 * @param application the name of the application whose log the notification is from
 * @param notification the notification
 * @param json        the event's data as JSON; {@code null} when it was shredded
 * @param timestamp   when the event happened; {@code null} when it was shredded
 */
public record RelayMessage(String application, Notification notification, String json, Instant timestamp) {

    /** {@code long}: the notification's id in the application's log, the key to deduplicate by. */
    public static final String NOTIFICATION_ID = "notificationId";
    /** {@code String}: the name of the application whose log it is. */
    public static final String APPLICATION = "application";
    /** {@code String}: the event's topic, naming its class. */
    public static final String TOPIC = "topic";
    /** {@code String}: the id of the aggregate the event happened to; also the message's {@code JMSXGroupID}. */
    public static final String ORIGINATOR_ID = "originatorId";
    /** {@code long}: the aggregate's version after the event. */
    public static final String ORIGINATOR_VERSION = "originatorVersion";
    /** {@code String}: when the event happened, ISO-8601 in UTC; absent when the event was shredded. */
    public static final String TIMESTAMP = "timestamp";
    /** {@code boolean}: whether the event's personal data was shredded, leaving no body. */
    public static final String SHREDDED = "shredded";
    /** The standard property by which brokers deliver the messages of one group, in order, to one consumer. */
    public static final String GROUP_ID = "JMSXGroupID";

    /**
     * Sends the message on the context: in the context's transaction, if it has one.
     *
     * @param context     the context to send on
     * @param destination where to
     * @param persistent  whether with persistent delivery
     * @throws JMSRuntimeException when the provider refuses the message
     */
    public void send(JMSContext context, Destination destination, boolean persistent) {
        TextMessage message = context.createTextMessage(json);
        try {
            message.setLongProperty(NOTIFICATION_ID, notification.id());
            message.setStringProperty(APPLICATION, application);
            message.setStringProperty(TOPIC, notification.topic());
            message.setStringProperty(ORIGINATOR_ID, notification.originatorId().toString());
            message.setLongProperty(ORIGINATOR_VERSION, notification.originatorVersion());
            if (timestamp != null) {
                message.setStringProperty(TIMESTAMP, timestamp.toString());
            }
            message.setBooleanProperty(SHREDDED, json == null);
            message.setStringProperty(GROUP_ID, notification.originatorId().toString());
        } catch (JMSException e) {
            throw new JMSRuntimeException("Could not set the properties of notification " + notification.id() + " of '"
                    + application + "': " + e.getMessage(), e.getErrorCode(), e);
        }
        context.createProducer()
                .setDeliveryMode(persistent ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT)
                .send(destination, message);
    }
}
