package dev.eventsourcing.cdi.relay;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.system.MultiThreadedRunner;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Adds the deployment's JMS relays to its runner: one {@link JmsRelay} per application whose
 * {@value RelaySettings#DESTINATION} is set, following that application's log. This class links
 * against nothing of Jakarta Messaging; the classes that do load only when a relay is
 * configured, so a deployment without relays works on a server without messaging.
 */
public final class Relays {

    private Relays() {
    }

    /**
     * Reads the relay settings and adds a relay per configured application to the runner.
     *
     * @param runner       the runner being built
     * @param applications the deployment's applications by name
     * @param settings     the deployment's settings
     * @param keys         every setting key present, without the {@code eventsourcing.} prefix
     * @param messaging    whether the server gives the deployment Jakarta Messaging
     * @param noMessaging  the message of the deployment problem of a relay without messaging,
     *                     given the key that configures it
     * @return the names of the readers added, e.g. {@code BankRelay}
     * @throws ConfigurationException when a relay setting is invalid (the message names the key
     *         and the value), when a JNDI name it gives is not bound to a connection factory or
     *         destination, or, with the message {@code noMessaging} gives, when a relay is
     *         configured and the server has no Jakarta Messaging
     */
    public static List<String> register(MultiThreadedRunner.Builder runner, Map<String, Application> applications,
                                        Settings settings, Set<String> keys, boolean messaging,
                                        Function<String, String> noMessaging) {
        List<RelaySettings> relays = RelaySettings.read(keys, settings, applications.keySet());
        if (relays.isEmpty()) {
            return List.of();
        }
        if (!messaging) {
            throw new ConfigurationException(noMessaging.apply(relays.get(0).key(RelaySettings.DESTINATION)));
        }
        JmsRelays.register(runner, relays, applications);
        return relays.stream().map(RelaySettings::readerName).toList();
    }
}
