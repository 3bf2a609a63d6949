package dev.eventsourcing.persistence;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.PersonalData;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the subject whose key encrypts an event, as {@link PersonalData} declares it: none, the
 * originator, or the {@code UUID} a named accessor returns. A snapshot's subject is its
 * aggregate's id when one of the aggregate's event types is personal data about the aggregate
 * itself. Read once per class.
 */
final class PersonalDataSubjects {

    /** How the subject of a payload class is found; {@code accessor} only for {@link Kind#ACCESSOR}. */
    private record Rule(Kind kind, Method accessor, String problem) {
    }

    private enum Kind { NONE, ORIGINATOR, ACCESSOR, INVALID }

    private static final Rule NONE = new Rule(Kind.NONE, null, null);
    private static final Rule ORIGINATOR = new Rule(Kind.ORIGINATOR, null, null);

    private static final ClassValue<Rule> RULES = new ClassValue<>() {
        @Override
        protected Rule computeValue(Class<?> type) {
            return Aggregate.class.isAssignableFrom(type) ? snapshotRule(type.asSubclass(Aggregate.class)) : ruleOf(type);
        }
    };

    private PersonalDataSubjects() {
    }

    /**
     * The subject whose key encrypts the event, if its payload is personal data.
     *
     * @throws MapperException when the annotation names no usable accessor, or the accessor returns null
     */
    static Optional<UUID> subjectOf(DomainEvent<?> event) {
        Rule rule = RULES.get(event.payload().getClass());
        return switch (rule.kind()) {
            case NONE -> Optional.empty();
            case ORIGINATOR -> Optional.of(event.originatorId());
            case ACCESSOR -> Optional.of(invoke(rule.accessor(), event.payload()));
            case INVALID -> throw new MapperException(rule.problem());
        };
    }

    /** Why the type's {@link PersonalData} annotation cannot be followed, or empty when it can (or there is none). */
    static Optional<String> problemOf(Class<?> type) {
        return Optional.ofNullable(RULES.get(type).problem());
    }

    private static Rule ruleOf(Class<?> type) {
        PersonalData personal = type.getAnnotation(PersonalData.class);
        if (personal == null) {
            return NONE;
        }
        String name = personal.subject();
        if (name.isEmpty()) {
            return ORIGINATOR;
        }
        Method accessor;
        try {
            accessor = type.getMethod(name);
        } catch (NoSuchMethodException e) {
            return invalid(type, "it has no public method or record component '" + name + "'");
        }
        if (accessor.getReturnType() != UUID.class || Modifier.isStatic(accessor.getModifiers())) {
            return invalid(type, "'" + name + "' does not return the subject's id as a UUID");
        }
        accessor.setAccessible(true); // a public accessor of a class that is not itself public
        return new Rule(Kind.ACCESSOR, accessor, null);
    }

    private static Rule invalid(Class<?> type, String reason) {
        return new Rule(Kind.INVALID, null, "@PersonalData of " + type.getName() + " names subject accessor that cannot"
                + " be used: " + reason);
    }

    // A snapshot holds what the aggregate's events gave it, its own personal data included.
    private static Rule snapshotRule(Class<? extends Aggregate> aggregate) {
        for (Class<?> event : EventTypes.of(aggregate)) {
            PersonalData personal = event.getAnnotation(PersonalData.class);
            if (personal != null && personal.subject().isEmpty()) {
                return ORIGINATOR;
            }
        }
        return NONE;
    }

    private static UUID invoke(Method accessor, Object payload) {
        Object subject;
        try {
            subject = accessor.invoke(payload);
        } catch (IllegalAccessException e) {
            throw new MapperException("Cannot call the subject accessor " + accessor.getName() + " of "
                    + payload.getClass().getName() + ": " + e.getMessage(), e);
        } catch (InvocationTargetException e) {
            throw new MapperException("The subject accessor " + accessor.getName() + " of "
                    + payload.getClass().getName() + " failed: " + e.getCause(), e.getCause());
        }
        if (subject == null) {
            throw new MapperException("The subject accessor " + accessor.getName() + " of " + payload.getClass().getName()
                    + " returned null: personal data needs a subject");
        }
        return (UUID) subject;
    }
}
