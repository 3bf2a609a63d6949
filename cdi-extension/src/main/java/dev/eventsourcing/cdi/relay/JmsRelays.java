package dev.eventsourcing.cdi.relay;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.system.MultiThreadedRunner;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.List;
import java.util.Map;

/**
 * Makes the configured relays, looking their connection factories and destinations up in JNDI.
 * Loaded only where the server gives the deployment Jakarta Messaging.
 */
final class JmsRelays {

    private JmsRelays() {
    }

    /**
     * Adds a relay per settings to the runner, following its application's log.
     *
     * @throws ConfigurationException naming the key and its value when a JNDI name is not bound,
     *         or is bound to something else than a connection factory or destination
     */
    static void register(MultiThreadedRunner.Builder runner, List<RelaySettings> relays,
                         Map<String, Application> applications) {
        InitialContext naming = naming();
        for (RelaySettings relay : relays) {
            ConnectionFactory factory = lookup(naming, relay.key(RelaySettings.CONNECTION_FACTORY),
                    relay.connectionFactory(), ConnectionFactory.class);
            Destination destination = lookup(naming, relay.key(RelaySettings.DESTINATION), relay.destination(),
                    Destination.class);
            Application application = applications.get(relay.application());
            runner.projection(new JmsRelay(relay, factory, destination, application.mapper().transcoder()),
                    application.name());
        }
    }

    private static InitialContext naming() {
        try {
            return new InitialContext();
        } catch (NamingException e) {
            throw new ConfigurationException("The JMS relay cannot look its resources up: no JNDI naming context ("
                    + e.getMessage() + ")", e);
        }
    }

    private static <T> T lookup(InitialContext naming, String key, String name, Class<T> type) {
        Object found;
        try {
            found = naming.lookup(name);
        } catch (NamingException e) {
            throw new ConfigurationException("Setting '" + key + "' names '" + name + "', which is not bound in JNDI ("
                    + e + "); name a " + type.getSimpleName() + " the server provides", e);
        }
        if (!type.isInstance(found)) {
            throw new ConfigurationException("Setting '" + key + "' names '" + name + "', which is a "
                    + (found == null ? "null" : found.getClass().getName()) + ", not a " + type.getName());
        }
        return type.cast(found);
    }
}
