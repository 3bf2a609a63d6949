package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.Settings;
import dev.eventsourcing.dcb.application.DcbApplication;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.Optional;

/**
 * How the extension makes one DCB application: a subclass of {@link DcbApplication}, through its
 * constructor taking {@link Settings}, given an {@link dev.eventsourcing.application.Environment}
 * with the deployment's infrastructure, as applications of aggregates are made.
 *
 * @param type the DCB application class
 */
public record DcbSpec(Class<? extends DcbApplication> type) {

    public DcbSpec {
        Objects.requireNonNull(type, "type");
    }

    /** Why the extension cannot make this DCB application class, or empty when it can. */
    static Optional<String> problemOf(Class<? extends DcbApplication> type) {
        if (Modifier.isAbstract(type.getModifiers())) {
            return Optional.of(Messages.dcbApplicationNotConstructible(type, "it is abstract"));
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            return Optional.of(Messages.dcbApplicationNotConstructible(type, "it is an inner class; make it static"));
        }
        try {
            type.getDeclaredConstructor(Settings.class);
            return Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.of(Messages.dcbApplicationNotConstructible(type, "it has no constructor taking Settings;"
                    + " add one that calls super(name, settings), so that it runs on the deployment's persistence"));
        }
    }

    /**
     * Makes the DCB application on the deployment's infrastructure (the settings are an
     * {@link dev.eventsourcing.application.Environment}).
     *
     * @throws RuntimeException what the constructor threw, such as a {@link dev.eventsourcing.ConfigurationException}
     */
    DcbApplication create(Settings settings) {
        try {
            Constructor<? extends DcbApplication> constructor = type.getDeclaredConstructor(Settings.class);
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
