package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;

/**
 * The application of a deployment that defines no subclass of {@link Application}, under the
 * name configured with {@code eventsourcing.application.name}.
 */
final class DefaultApplication extends Application {

    // Application reads name() in its constructor, before this class's fields are set, so the
    // name travels in a thread-local for the duration of the constructor.
    private static final ThreadLocal<String> NAMING = new ThreadLocal<>();

    private final String name;

    private DefaultApplication(Settings settings) {
        super(settings);
        this.name = NAMING.get();
    }

    static DefaultApplication create(String name, Settings settings) {
        NAMING.set(name);
        try {
            return new DefaultApplication(settings);
        } finally {
            NAMING.remove();
        }
    }

    @Override
    public String name() {
        return name != null ? name : NAMING.get();
    }
}
