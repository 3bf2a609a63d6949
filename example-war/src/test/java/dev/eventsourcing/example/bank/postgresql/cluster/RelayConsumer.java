package dev.eventsourcing.example.bank.postgresql.cluster;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The relay test's consumer, added to the WAR that {@link RelayCrashIT} deploys: it writes every
 * message of the bank's relay queue into {@value #TABLE}, in the order it receives them and
 * without deduplicating, so that the test sees each copy the broker delivered. Its insert commits
 * with the message's acknowledgement, in the bean's JTA transaction.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/bank")})
public class RelayConsumer implements MessageListener {

    /** The table of received messages, which the test creates. */
    static final String TABLE = "relay_received";
    static final String CREATE = "CREATE TABLE " + TABLE + " (seq BIGSERIAL PRIMARY KEY, notification_id BIGINT NOT NULL,"
            + " originator_id VARCHAR(36) NOT NULL, originator_version BIGINT NOT NULL, topic VARCHAR(500) NOT NULL,"
            + " body TEXT, redelivered BOOLEAN NOT NULL)";
    private static final String INSERT = "INSERT INTO " + TABLE + " (notification_id, originator_id, originator_version,"
            + " topic, body, redelivered) VALUES (?, ?, ?, ?, ?, ?)";

    @Resource(lookup = "java:app/jdbc/bank")
    DataSource dataSource;

    @Override
    public void onMessage(Message message) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, message.getLongProperty("notificationId"));
            insert.setString(2, message.getStringProperty("originatorId"));
            insert.setLong(3, message.getLongProperty("originatorVersion"));
            insert.setString(4, message.getStringProperty("topic"));
            insert.setString(5, message.getBody(String.class));
            insert.setBoolean(6, message.getJMSRedelivered());
            insert.executeUpdate();
        } catch (JMSException | SQLException e) {
            throw new IllegalStateException("Could not record a relayed message", e);
        }
    }
}
