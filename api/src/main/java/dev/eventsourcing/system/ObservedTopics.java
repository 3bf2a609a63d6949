package dev.eventsourcing.system;

import dev.eventsourcing.application.Shredding;
import dev.eventsourcing.persistence.Mapper;

import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;

/**
 * The topics a reader that observes some event types reads from a log, so that the log is
 * filtered where it is read: every topic of every class the log's mapper knows that is one of
 * the types or extends one, old topics registered for reading them included
 * ({@link Mapper#topicsOf}), and the topics of {@link Shredding.SubjectShredded}, which reaches
 * every reader.
 *
 * <p>Only types whose classes can all be named here are filtered: final classes (records,
 * enums) and sealed types whose permitted subclasses are such in turn. A reader of no type, or
 * of any other type (an open interface, a plain superclass such as {@code Object}: a catch-all),
 * reads every topic, as it always did, since a class that the mapper comes to know later would
 * otherwise be missed without a word.
 */
final class ObservedTopics {

    private ObservedTopics() {
    }

    /**
     * The topics to read.
     *
     * @param mapper the log's mapper, taught the types (and what they bring) here
     * @param types the types the reader observes; empty for every type
     * @return the topics to keep; empty for every topic
     */
    static Set<String> of(Mapper mapper, Set<Class<?>> types) {
        if (types.isEmpty() || !types.stream().allMatch(ObservedTopics::enumerable)) {
            return Set.of();
        }
        mapper.declare(types.toArray(Class<?>[]::new));
        mapper.declare(Shredding.class);
        Set<String> topics = new HashSet<>(mapper.topicsOf(Shredding.SubjectShredded.class));
        for (Class<?> known : mapper.knownClasses()) {
            if (types.stream().anyMatch(type -> type.isAssignableFrom(known))) {
                topics.addAll(mapper.topicsOf(known));
            }
        }
        return Set.copyOf(topics);
    }

    /** Whether every class of the type is the type itself or one of its permitted subclasses, recursively. */
    private static boolean enumerable(Class<?> type) {
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                if (!enumerable(permitted)) {
                    return false;
                }
            }
            return true;
        }
        return Modifier.isFinal(type.getModifiers()) && !type.isInterface() && !type.isPrimitive() && !type.isArray();
    }
}
