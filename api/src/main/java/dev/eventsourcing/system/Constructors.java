package dev.eventsourcing.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/** Makes the applications of a system the way every runner does. */
final class Constructors {

    private Constructors() {
    }

    /**
     * Makes an application with its public constructor taking {@link Settings}, or else its
     * public no-argument constructor.
     *
     * @throws IllegalArgumentException when the class has neither
     * @throws IllegalStateException    when the constructor fails
     */
    static Application construct(Class<? extends Application> type, Settings settings) {
        try {
            try {
                Constructor<? extends Application> withSettings = type.getConstructor(Settings.class);
                return withSettings.newInstance(settings);
            } catch (NoSuchMethodException e) {
                return type.getConstructor().newInstance();
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName()
                    + " needs a public constructor taking Settings, or a public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Constructing " + type.getName() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot construct " + type.getName(), e);
        }
    }
}
