package dev.eventsourcing.browser;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;

import java.util.Objects;

/**
 * The roles that the event browser requires, read from the settings (in a container from
 * MicroProfile Config, where each key has the prefix {@code eventsourcing.}, as every key of the
 * library: {@code eventsourcing.browser.role}). A user in either role may view; only a user in the
 * operator role may retry and skip parked notifications.
 *
 * @param viewerRole   the role that may view the applications, logs, histories, readers and
 *                     parked notifications
 * @param operatorRole the role that may also retry and skip parked notifications
 */
public record BrowserSettings(String viewerRole, String operatorRole) {

    /** The key naming the role that may view. */
    public static final String ROLE = "browser.role";
    /** The viewing role when {@value #ROLE} is not set. */
    public static final String DEFAULT_ROLE = "eventsourcing-browser";
    /** The key naming the role that may retry and skip parked notifications. */
    public static final String OPERATOR_ROLE = "browser.operator-role";
    /** The operator role when {@value #OPERATOR_ROLE} is not set. */
    public static final String DEFAULT_OPERATOR_ROLE = "eventsourcing-operator";

    /**
     * Checks both roles.
     *
     * @param viewerRole   the role that may view
     * @param operatorRole the role that may also retry and skip
     * @throws ConfigurationException when a role is blank or holds white space or a comma, or is
     *                                {@code *} or {@code **}
     */
    public BrowserSettings {
        viewerRole = checked(ROLE, viewerRole);
        operatorRole = checked(OPERATOR_ROLE, operatorRole);
    }

    /**
     * The roles the settings name, or the defaults.
     *
     * @param settings where to read the keys
     * @return the roles
     * @throws ConfigurationException when a role is set to a value that cannot be a role name
     */
    public static BrowserSettings read(Settings settings) {
        return new BrowserSettings(settings.get(ROLE).orElse(DEFAULT_ROLE),
                settings.get(OPERATOR_ROLE).orElse(DEFAULT_OPERATOR_ROLE));
    }

    private static String checked(String key, String role) {
        Objects.requireNonNull(role, key);
        if (role.isBlank() || role.chars().anyMatch(c -> Character.isWhitespace(c) || c == ',') || role.equals("*")
                || role.equals("**")) {
            throw new ConfigurationException("Setting " + key + " (eventsourcing." + key + ") must name one role (no white space, no comma, not * or **), was '"
                    + role + "'");
        }
        return role;
    }
}
