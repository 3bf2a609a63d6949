package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;

import java.util.Objects;
import java.util.Optional;

/**
 * How the extension makes one application: a subclass of {@link Application} through its
 * constructor taking {@link Settings}, or, when the deployment defines none, the default
 * application under a configured name.
 *
 * @param type        the application class, or {@code null} for the default application
 * @param defaultName the default application's name; {@code null} for a subclass (it names itself)
 */
public record ApplicationSpec(Class<? extends Application> type, String defaultName) {

    public ApplicationSpec {
        if ((type == null) == (defaultName == null)) {
            throw new IllegalArgumentException("Give either an application class or a default name");
        }
    }

    static ApplicationSpec of(Class<? extends Application> type) {
        return new ApplicationSpec(Objects.requireNonNull(type, "type"), null);
    }

    static ApplicationSpec defaultApplication(String name) {
        return new ApplicationSpec(null, Objects.requireNonNull(name, "name"));
    }

    /** The class the application's bean has, besides {@link Application}. */
    public Class<? extends Application> beanClass() {
        return type == null ? Application.class : type;
    }

    /** Why the extension cannot make this application class, or empty when it can. */
    static Optional<String> problemOf(Class<? extends Application> type) {
        return SettingsConstructor.problemOf(type, "super(settings), so that it is configured from MicroProfile Config")
                .map(reason -> Messages.applicationNotConstructible(type, reason));
    }

    /**
     * Makes the application; pass an {@link dev.eventsourcing.application.Environment} for it to
     * run on the deployment's infrastructure.
     *
     * @throws RuntimeException what the application's constructor threw, such as a
     *         {@link dev.eventsourcing.ConfigurationException}
     */
    Application create(Settings settings) {
        if (type == null) {
            return new Application(defaultName, settings);
        }
        return SettingsConstructor.create(type, settings);
    }
}
