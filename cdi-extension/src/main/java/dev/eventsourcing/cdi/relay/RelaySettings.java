package dev.eventsourcing.cdi.relay;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JMS relay of one application, as MicroProfile Config describes it (prefix the keys with
 * {@code eventsourcing.}). Setting the destination of an application turns its relay on; the
 * other keys have defaults.
 *
 * <table>
 * <caption>Relay settings</caption>
 * <tr><th>key</th><th>meaning</th><th>default</th></tr>
 * <tr><td>{@value #DESTINATION}</td><td>JNDI name of the queue or topic the application's
 *     notifications are sent to; its presence turns the relay on</td><td>unset (no relay)</td></tr>
 * <tr><td>{@value #CONNECTION_FACTORY}</td><td>JNDI name of the connection factory; use one the
 *     server enlists in JTA transactions</td><td>{@value #DEFAULT_FACTORY}</td></tr>
 * <tr><td>{@value #DELIVERY_MODE}</td><td>{@code persistent} or {@code non-persistent}</td>
 *     <td>{@code persistent}</td></tr>
 * </table>
 *
 * <p>This class links against nothing of Jakarta Messaging, so that a deployment can read its
 * settings (and fail with a clear message) on a server that has none.
 *
 * @param application       the name of the application whose notifications are relayed
 * @param destination       {@value #DESTINATION}
 * @param connectionFactory {@value #CONNECTION_FACTORY}
 * @param persistent        {@value #DELIVERY_MODE}: whether messages are sent with persistent delivery
 */
public record RelaySettings(String application, String destination, String connectionFactory, boolean persistent) {

    /** JNDI name of the destination of an application's relay; its presence turns the relay on. */
    public static final String DESTINATION = "relay.<Application>.destination";
    /** JNDI name of the connection factory of an application's relay. */
    public static final String CONNECTION_FACTORY = "relay.<Application>.connection-factory";
    /** {@code persistent} or {@code non-persistent}: the delivery mode of the relay's messages. */
    public static final String DELIVERY_MODE = "relay.<Application>.delivery-mode";
    /** The connection factory every Jakarta EE server provides, enlisted in JTA transactions. */
    public static final String DEFAULT_FACTORY = "java:comp/DefaultJMSConnectionFactory";

    // Derived from the keys, so that they are declared once.
    private static final String PREFIX = DESTINATION.substring(0, DESTINATION.indexOf('<'));
    private static final String PLACEHOLDER = DESTINATION.substring(PREFIX.length(), DESTINATION.indexOf('>') + 1);

    /**
     * Checks the components.
     *
     * @param application       the application's name; not null
     * @param destination       the destination's JNDI name; not null
     * @param connectionFactory the connection factory's JNDI name; not null
     * @param persistent        whether messages are sent with persistent delivery
     * @throws NullPointerException when a name is null
     */
    public RelaySettings {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(connectionFactory, "connectionFactory");
    }

    /**
     * The name of the reader that relays the application's log: it keys the relay's tracking
     * position and parked notifications.
     *
     * @return the application's name followed by {@code Relay}, e.g. {@code BankRelay}
     */
    public String readerName() {
        return readerName(application);
    }

    /**
     * The key of one of the relay settings for this relay's application.
     *
     * @param template {@link #DESTINATION}, {@link #CONNECTION_FACTORY} or {@link #DELIVERY_MODE}
     * @return the key with the application's name in it, without the {@code eventsourcing.} prefix
     */
    public String key(String template) {
        return key(template, application);
    }

    /**
     * Reads the relays that the settings configure.
     *
     * @param keys         every setting key present, without the {@code eventsourcing.} prefix
     * @param settings     the deployment's settings
     * @param applications the names of the deployment's applications
     * @return one entry per application whose destination is set, ordered by application name
     * @throws ConfigurationException naming the key and its value when a key below
     *         {@code relay.} is not one of the three, names no application of the deployment,
     *         or has a bad value, or when a relay has settings but no destination
     */
    public static List<RelaySettings> read(Set<String> keys, Settings settings, Collection<String> applications) {
        Map<String, Set<String>> byApplication = new TreeMap<>();
        for (String key : new TreeSet<>(keys)) {
            // A blank value counts as not set.
            if (key.startsWith(PREFIX) && settings.get(key).isPresent()) {
                String application = applicationOf(key, applications);
                byApplication.computeIfAbsent(application, name -> new TreeSet<>()).add(key);
            }
        }
        List<RelaySettings> relays = new ArrayList<>();
        byApplication.forEach((application, present) -> relays.add(of(application, present, settings)));
        return relays;
    }

    /**
     * The names of the relays that the keys turn on, without checking their settings (which
     * {@link #read} does when the deployment starts): for what must be known before, such as the
     * readers that get health checks.
     *
     * @param keys     every setting key present, without the {@code eventsourcing.} prefix
     * @param settings the deployment's settings
     * @return the reader name of each application whose destination is set, e.g. {@code BankRelay}
     */
    public static List<String> readerNames(Set<String> keys, Settings settings) {
        return new TreeSet<>(keys).stream()
                .filter(key -> settings.get(key).isPresent())
                .flatMap(key -> applicationIn(key, DESTINATION).stream())
                .map(RelaySettings::readerName)
                .toList();
    }

    private static String readerName(String application) {
        return application + "Relay";
    }

    /** The application that a key of the template's form names, or empty when the key has another form. */
    private static Optional<String> applicationIn(String key, String template) {
        String suffix = template.substring(template.indexOf(PLACEHOLDER) + PLACEHOLDER.length());
        if (key.startsWith(PREFIX) && key.endsWith(suffix) && key.length() > PREFIX.length() + suffix.length()) {
            return Optional.of(key.substring(PREFIX.length(), key.length() - suffix.length()));
        }
        return Optional.empty();
    }

    private static String applicationOf(String key, Collection<String> applications) {
        for (String template : List.of(DESTINATION, CONNECTION_FACTORY, DELIVERY_MODE)) {
            Optional<String> application = applicationIn(key, template);
            if (application.isPresent()) {
                if (!applications.contains(application.get())) {
                    throw new ConfigurationException("Setting '" + key + "' names no application of the deployment: '"
                            + application.get() + "'; its applications are " + new TreeSet<>(applications));
                }
                return application.get();
            }
        }
        throw new ConfigurationException("Setting '" + key + "' is no relay setting; an application's relay is"
                + " configured by " + DESTINATION + ", " + CONNECTION_FACTORY + " and " + DELIVERY_MODE);
    }

    private static RelaySettings of(String application, Set<String> present, Settings settings) {
        String destinationKey = key(DESTINATION, application);
        Optional<String> destination = settings.get(destinationKey).map(String::trim);
        if (destination.isEmpty()) {
            throw new ConfigurationException("Setting '" + present.iterator().next() + "' configures a relay of '"
                    + application + "', which has no destination; give the setting '" + destinationKey + "' the JNDI"
                    + " name of a queue or topic, or remove the relay's settings");
        }
        String factory = settings.get(key(CONNECTION_FACTORY, application)).map(String::trim).orElse(DEFAULT_FACTORY);
        return new RelaySettings(application, destination.get(), factory, persistent(settings, application));
    }

    private static boolean persistent(Settings settings, String application) {
        String key = key(DELIVERY_MODE, application);
        String mode = settings.get(key).map(String::trim).orElse("persistent");
        return switch (mode) {
            case "persistent" -> true;
            case "non-persistent" -> false;
            default -> throw new ConfigurationException("Setting '" + key + "' must be 'persistent' or 'non-persistent',"
                    + " was '" + mode + "'");
        };
    }

    private static String key(String template, String application) {
        return template.replace(PLACEHOLDER, application);
    }
}
