package dev.eventsourcing.browser;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Who asks the event browser, and what they may do.
 *
 * @param name     the user's name, as the container authenticated them
 * @param viewer   whether they may view
 * @param operator whether they may also retry and skip parked notifications
 */
public record Caller(String name, boolean viewer, boolean operator) {

    /**
     * Checks the name.
     *
     * @param name     the user's name
     * @param viewer   whether they may view
     * @param operator whether they may act
     * @throws NullPointerException when the name is missing
     */
    public Caller {
        Objects.requireNonNull(name, "name");
    }

    /**
     * The caller with the roles the settings require: an operator may also view.
     *
     * @param settings the required roles
     * @param inRole   whether the caller is in a role (the request's {@code isUserInRole})
     * @param name     the caller's name
     * @return what the caller may do
     */
    public static Caller of(BrowserSettings settings, Predicate<String> inRole, String name) {
        boolean operator = inRole.test(settings.operatorRole());
        return new Caller(name, operator || inRole.test(settings.viewerRole()), operator);
    }
}
