package dev.eventsourcing.cdi.relay;

import dev.eventsourcing.application.Shredding;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.Transcoder;
import dev.eventsourcing.projection.Projection;
import dev.eventsourcing.projection.ShreddedEvent;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Relays one application's log to a JMS destination: a projection whose "view" is the
 * destination. The runner feeds it every notification of the log, in order, in the transaction
 * in which it records the relay's position, so the relay has the projections' tracking, parking,
 * retries and health for nothing.
 *
 * <p>Each notification becomes one {@link RelayMessage}, sent on a context made from the
 * connection factory inside that transaction. Why that gives "effectively once":
 * <ul>
 * <li>With a connection factory that the server enlists in JTA transactions (every Jakarta EE
 *     server's {@code java:comp/DefaultJMSConnectionFactory}; in WildFly the pooled
 *     {@code activemq-ra}), the messages and the position commit together: consumers see the
 *     messages only once the position is recorded, and a transaction that rolls back (a failing
 *     notification, a claim lost to another node, a crash before commit) sends nothing. The
 *     transaction manager then has two resources, the broker and the database; if the database
 *     is a non-XA data source, it commits it last in one phase (last resource commit
 *     optimisation), which leaves a narrow window between that commit and the manager's log
 *     write where a crash loses the prepared messages. Use an XA data source where that matters.</li>
 * <li>With a factory that is not enlisted (outside a container, or a non-JTA factory), each
 *     message is sent when the handler runs, before the position commits: a crash or a rollback
 *     in between sends it again after the restart or retry. A duplicate carries the same
 *     notification id, by which consumers deduplicate.</li>
 * </ul>
 * Within one originator, messages are sent in log order and carry the originator id as
 * {@code JMSXGroupID}, so a broker that honours message groups delivers them in order to one
 * consumer at a time.
 */
public final class JmsRelay implements Projection {

    private final RelaySettings settings;
    private final ConnectionFactory factory;
    private final Destination destination;
    private final Transcoder transcoder;

    /**
     * A relay of the application's log.
     *
     * @param settings    the relay's settings
     * @param factory     the connection factory to make a context from for each message
     * @param destination the queue or topic to send to
     * @param transcoder  the application's transcoder, which writes an event's data as JSON
     */
    public JmsRelay(RelaySettings settings, ConnectionFactory factory, Destination destination, Transcoder transcoder) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.destination = Objects.requireNonNull(destination, "destination");
        this.transcoder = Objects.requireNonNull(transcoder, "transcoder");
    }

    /** @return the application's name followed by {@code Relay} (see {@link RelaySettings#readerName()}) */
    @Override
    public String name() {
        return settings.readerName();
    }

    /** Every event of the log is relayed. */
    @Override
    public boolean observes(Class<?> eventType) {
        return true;
    }

    /** Sends the event's message. */
    @Override
    public void process(DomainEvent<?> event, Notification notification, Object unitOfWork) {
        send(event, notification);
    }

    /** Sends a message without body, marked shredded: consumers see the event's place in the log. */
    @Override
    public void processShredded(ShreddedEvent<?> event, Object unitOfWork) {
        send(new RelayMessage(settings.application(), event.notification(), null, null));
    }

    /** Sends the shredding as any other event, so that consumers can erase what they hold of the subject. */
    @Override
    public void erase(DomainEvent<Shredding.SubjectShredded> shredding, Notification notification, Object unitOfWork) {
        send(shredding, notification);
    }

    private void send(DomainEvent<?> event, Notification notification) {
        String json = new String(transcoder.encode(event.payload()), StandardCharsets.UTF_8);
        send(new RelayMessage(settings.application(), notification, json, event.timestamp()));
    }

    // A context per message: the server's pooled factory hands out the connection already
    // enlisted in the thread's transaction, and closing the context returns it only when the
    // transaction ends.
    private void send(RelayMessage message) {
        try (JMSContext context = factory.createContext()) {
            message.send(context, destination, settings.persistent());
        }
    }

    @Override
    public String toString() {
        return "JmsRelay[" + name() + " -> " + settings.destination() + "]";
    }
}
