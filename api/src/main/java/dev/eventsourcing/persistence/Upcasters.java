package dev.eventsourcing.persistence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventsourcing.domain.ClassVersion;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The steps that convert stored events and snapshots of older class versions into the current
 * shape of their class, as JSON trees, before they are bound to the class.
 *
 * <p>A class's version is its {@link ClassVersion} (1 without it). When an event record or an
 * aggregate class changes shape, raise its version and register one step per version:
 * <pre>{@code
 * upcasters.register(Account.Opened.class, 1, data -> data.put("currency", "EUR"))
 *          .register(Account.Opened.class, 2, data -> (ObjectNode) data.set("owner", data.remove("name")));
 * }</pre>
 * Reading data stored at version 1 of a version-3 class then applies the step from 1 and the
 * step from 2, in that order. For a snapshot the tree holds the aggregate's fields, including
 * {@code id}, {@code version}, {@code createdOn} and {@code modifiedOn}.
 *
 * <p>Thread-safe.
 */
public final class Upcasters {

    private static final ClassValue<Integer> CLASS_VERSIONS = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            ClassVersion annotation = type.getAnnotation(ClassVersion.class);
            return annotation == null ? 1 : annotation.value();
        }
    };

    private final Map<Step, UnaryOperator<ObjectNode>> steps;

    /** An empty registry. */
    public Upcasters() {
        this.steps = new ConcurrentHashMap<>();
    }

    private Upcasters(Upcasters original) {
        this.steps = new ConcurrentHashMap<>(original.steps);
    }

    /**
     * Registers the step that turns the data of {@code type} at {@code fromVersion} into its
     * data at {@code fromVersion + 1}. The step may change its argument and return it.
     *
     * @param type        the event record or aggregate class whose data the step converts
     * @param fromVersion the version the step converts from: 1 up to the class's current version
     *                    less one
     * @param step        the conversion of the data's JSON tree; it must not return null
     * @return this registry
     * @throws IllegalArgumentException when {@code fromVersion} is below 1 or not below the
     *                                  class's current version, or the step is registered already
     */
    public Upcasters register(Class<?> type, int fromVersion, UnaryOperator<ObjectNode> step) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(step, "step");
        int current = currentVersion(type);
        if (fromVersion < 1 || fromVersion >= current) {
            throw new IllegalArgumentException("Upcaster of " + type.getName() + " from version " + fromVersion
                    + " cannot be used: the class is at version " + current
                    + ", so upcasters start from versions 1 to " + (current - 1));
        }
        if (steps.putIfAbsent(new Step(type, fromVersion), step) != null) {
            throw new IllegalArgumentException("Upcaster of " + type.getName() + " from version " + fromVersion
                    + " is registered already");
        }
        return this;
    }

    /**
     * Converts data of {@code type} stored at {@code storedVersion} into the class's current
     * shape; data at the current version is returned as it is.
     *
     * @param type          the class the data belongs to
     * @param storedVersion the class version the data was stored at (absent from the state means 1)
     * @param data          the stored data's JSON tree, which steps may change
     * @return the data in the class's current shape
     * @throws MissingUpcasterException   when a step between the versions is not registered
     * @throws UndecodableStateException when the data is newer than the class, or a step fails
     */
    public ObjectNode upcast(Class<?> type, int storedVersion, ObjectNode data) {
        int current = currentVersion(type);
        if (storedVersion > current) {
            throw new UndecodableStateException("Data of " + type.getName() + " is at version " + storedVersion
                    + ", newer than the class's version " + current + ": it was written by newer code");
        }
        ObjectNode result = data;
        for (int version = Math.max(1, storedVersion); version < current; version++) {
            UnaryOperator<ObjectNode> step = steps.get(new Step(type, version));
            if (step == null) {
                throw new MissingUpcasterException(type, version, "No upcaster of " + type.getName() + " from version "
                        + version + " to " + (version + 1) + " (data at version " + storedVersion
                        + ", class at version " + current + "): register one with Upcasters.register");
            }
            result = apply(step, type, version, result);
        }
        return result;
    }

    private static ObjectNode apply(UnaryOperator<ObjectNode> step, Class<?> type, int version, ObjectNode data) {
        ObjectNode result;
        try {
            result = step.apply(data);
        } catch (RuntimeException e) {
            throw new UndecodableStateException("Upcaster of " + type.getName() + " from version " + version
                    + " failed: " + e, e);
        }
        if (result == null) {
            throw new UndecodableStateException("Upcaster of " + type.getName() + " from version " + version
                    + " returned null");
        }
        return result;
    }

    /**
     * The current version of a class: its {@link ClassVersion}, or 1 without it.
     *
     * @param type the event record or aggregate class
     * @return the class's version, at least 1
     * @throws IllegalArgumentException when the annotation's value is below 1
     */
    public static int currentVersion(Class<?> type) {
        int version = CLASS_VERSIONS.get(type);
        if (version < 1) {
            throw new IllegalArgumentException("@ClassVersion of " + type.getName() + " must be at least 1, was " + version);
        }
        return version;
    }

    /** A registry with the same steps, independent of this one from now on. */
    Upcasters copy() {
        return new Upcasters(this);
    }

    private record Step(Class<?> type, int fromVersion) {
    }
}
