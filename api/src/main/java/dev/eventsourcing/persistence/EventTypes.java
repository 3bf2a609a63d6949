package dev.eventsourcing.persistence;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;

import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds an aggregate's event types and checks that the mapper can store them: what a container
 * validates at deployment, before the first event is written.
 *
 * <p>The rule checked: an event type is a record (or an enum) with a stable name (a top-level
 * or nested class), whose components have types the mapper reads back as written: no component
 * declared as {@code Object}, and none declared as an interface or abstract class other than a
 * sealed one (the mapper names the subtype) or the collections, maps, numbers, character
 * sequences and {@code java.time} types the mapper knows. Anything else would be written but read back as something else, or not at all.
 */
public final class EventTypes {

    private EventTypes() {
    }

    /**
     * The concrete event classes of an aggregate class: those nested (at any depth) in it or in
     * its superclasses, and those that the sealed event types among them permit, wherever they
     * are declared.
     *
     * @param aggregate the aggregate class
     * @return its concrete event classes, in the order found; empty when it declares none
     */
    public static Set<Class<?>> of(Class<? extends Aggregate> aggregate) {
        Set<Class<?>> found = new LinkedHashSet<>();
        Set<Class<?>> visited = new HashSet<>();
        for (Class<?> type = aggregate; type != null && type != Aggregate.class; type = type.getSuperclass()) {
            for (Class<?> nested : type.getDeclaredClasses()) {
                collect(nested, found, visited);
            }
        }
        return found;
    }

    private static void collect(Class<?> type, Set<Class<?>> found, Set<Class<?>> visited) {
        if (!visited.add(type)) {
            return;
        }
        boolean event = AggregateEvent.class.isAssignableFrom(type);
        if (event && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
            found.add(type);
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            collect(nested, found, visited);
        }
        if (event && type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                collect(permitted, found, visited);
            }
        }
    }

    /**
     * Why the mapper cannot store this event type, by the rule above.
     *
     * @param event the event class
     * @return the reason, with what to change; empty when the mapper can store it
     */
    public static Optional<String> problemOf(Class<?> event) {
        if (event.isAnonymousClass() || event.isLocalClass() || event.isHidden() || event.isSynthetic()) {
            return Optional.of("it has no stable name to use as a topic; make it a top-level or nested class");
        }
        Optional<String> personalData = PersonalDataSubjects.problemOf(event);
        if (personalData.isPresent()) {
            return personalData;
        }
        if (event.isEnum()) {
            return Optional.empty();
        }
        if (!event.isRecord()) {
            return Optional.of("it is not a record; events are records, written component by component and read back"
                    + " through the canonical constructor");
        }
        for (RecordComponent component : event.getRecordComponents()) {
            Class<?> type = component.getType();
            if (type == Object.class) {
                return Optional.of("component '" + component.getName() + "' is declared as Object, which would read back"
                        + " as a map or a string rather than the value written; declare its real type");
            }
            if (!type.isPrimitive() && !type.isArray() && (type.isInterface() || Modifier.isAbstract(type.getModifiers()))
                    && !readable(type)) {
                return Optional.of("component '" + component.getName() + "' has the abstract type " + type.getName()
                        + ", which the mapper cannot instantiate when reading; declare a concrete type");
            }
        }
        return Optional.empty();
    }

    private static boolean readable(Class<?> abstractType) {
        return Collection.class.isAssignableFrom(abstractType) || Map.class.isAssignableFrom(abstractType)
                || Number.class.isAssignableFrom(abstractType) || CharSequence.class.isAssignableFrom(abstractType)
                || Temporal.class.isAssignableFrom(abstractType) || TemporalAmount.class.isAssignableFrom(abstractType)
                || abstractType == Enum.class || abstractType.isSealed();
    }
}
