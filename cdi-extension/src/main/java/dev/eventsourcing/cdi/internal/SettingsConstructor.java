package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.Settings;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Optional;

/**
 * The rules by which the extension makes an application class of the deployment, an application
 * of aggregates or a DCB application alike: through its constructor taking {@link Settings}.
 */
final class SettingsConstructor {

    private SettingsConstructor() {
    }

    /**
     * Why the class cannot be made that way, or empty when it can.
     *
     * @param superCall what a missing constructor should call, such as {@code super(settings)}, and why
     */
    static Optional<String> problemOf(Class<?> type, String superCall) {
        if (Modifier.isAbstract(type.getModifiers())) {
            return Optional.of("it is abstract");
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            return Optional.of("it is an inner class; make it static");
        }
        try {
            type.getDeclaredConstructor(Settings.class);
            return Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.of("it has no constructor taking Settings; add one that calls " + superCall);
        }
    }

    /**
     * Makes an instance through the constructor taking {@link Settings}.
     *
     * @throws RuntimeException what the constructor threw, such as a {@link dev.eventsourcing.ConfigurationException}
     */
    static <T> T create(Class<T> type, Settings settings) {
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(Settings.class);
            constructor.setAccessible(true);
            return constructor.newInstance(settings);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Constructor of " + type.getName() + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot construct " + type.getName() + ": " + e, e);
        }
    }
}
