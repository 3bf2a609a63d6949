package dev.eventsourcing.domain;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds aggregates from their events, optionally starting from a snapshot, and takes
 * snapshots. Repositories use it; so can tests that check a domain model without storage.
 */
public final class Aggregates {

    private static final Map<Class<?>, Class<? extends Aggregate>> AGGREGATE_TYPES = new ConcurrentHashMap<>();

    private Aggregates() {
    }

    /**
     * The aggregate class an event class belongs to: the {@code A} of the
     * {@code AggregateEvent<A>} it implements, directly or through its own interfaces.
     *
     * @param eventType the event class
     * @return the aggregate class
     * @throws IllegalArgumentException when the class does not name a concrete aggregate type
     */
    public static Class<? extends Aggregate> aggregateTypeOf(Class<?> eventType) {
        return AGGREGATE_TYPES.computeIfAbsent(eventType, type -> {
            Class<? extends Aggregate> found = findAggregateType(type);
            if (found == null) {
                throw new IllegalArgumentException(type.getName()
                        + " does not implement AggregateEvent<A> with a concrete aggregate class A");
            }
            return found;
        });
    }

    private static Class<? extends Aggregate> findAggregateType(Class<?> type) {
        for (Type candidate : type.getGenericInterfaces()) {
            if (candidate instanceof ParameterizedType parameterized
                    && parameterized.getRawType() == AggregateEvent.class
                    && parameterized.getActualTypeArguments()[0] instanceof Class<?> argument
                    && Aggregate.class.isAssignableFrom(argument)) {
                return argument.asSubclass(Aggregate.class);
            }
            Class<?> raw = candidate instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) candidate;
            Class<? extends Aggregate> inherited = findAggregateType(raw);
            if (inherited != null) {
                return inherited;
            }
        }
        return type.getSuperclass() == null ? null : findAggregateType(type.getSuperclass());
    }

    /**
     * Rebuilds an aggregate by applying events in order to a new instance, or to the aggregate
     * restored from a snapshot when {@code snapshot} is given.
     *
     * @param <A>      the aggregate type
     * @param type     the aggregate class; needs a no-argument constructor of any visibility
     * @param snapshot the snapshot to start from, or {@code null} to start from nothing
     * @param events   the events after the snapshot's version (or all of them), oldest first
     * @return the aggregate, or {@code null} when there was neither snapshot nor event
     */
    public static <A extends Aggregate> A replay(Class<A> type, DomainEvent<? extends A> snapshot,
                                                 Iterable<? extends DomainEvent<?>> events) {
        Objects.requireNonNull(type, "type");
        A aggregate = snapshot == null ? null : snapshot.payload();
        for (DomainEvent<?> event : events) {
            if (aggregate == null) {
                aggregate = newInstance(type);
            }
            aggregate.mutate(event);
        }
        return aggregate;
    }

    /**
     * A snapshot of the aggregate's current state: a domain event whose payload is the aggregate.
     * Store it at once (the payload is the live instance, not a copy) and only for an aggregate
     * with no pending events.
     *
     * @param <A> the aggregate type
     * @param aggregate the aggregate; created, with no pending events
     * @return a domain event at the aggregate's version and modification time, holding the aggregate
     * @throws IllegalStateException when the aggregate has events that were not saved
     */
    public static <A extends Aggregate> DomainEvent<A> snapshotOf(A aggregate) {
        if (aggregate.hasPendingEvents()) {
            throw new IllegalStateException("Cannot snapshot " + aggregate + ": it has events that were not saved");
        }
        return new DomainEvent<>(aggregate.id(), aggregate.version(), aggregate.modifiedOn(), aggregate);
    }

    /**
     * Makes an empty instance of an aggregate class through its no-argument constructor.
     *
     * @param <A> the aggregate type
     * @param type the aggregate class
     * @return a new instance at version 0
     * @throws IllegalArgumentException when the class has no no-argument constructor
     * @throws IllegalStateException when the constructor fails or cannot be called
     */
    public static <A extends Aggregate> A newInstance(Class<A> type) {
        try {
            Constructor<A> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("Aggregate class " + type.getName()
                    + " needs a no-argument constructor so that it can be rebuilt from its events", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Constructor of " + type.getName() + " failed", e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot construct aggregate class " + type.getName(), e);
        }
    }
}
