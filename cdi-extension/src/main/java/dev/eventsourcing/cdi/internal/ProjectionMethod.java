package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.dcb.application.SequencedDecision;
import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.projection.ShreddedEvent;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;

/**
 * One observer method of a projection bean, as the runner calls it: which event type it
 * observes and what each of its parameters receives.
 *
 * @param method   the Java method (made accessible: observer methods are often package-private)
 * @param observed the observed event class or interface; an event is passed when it is an instance
 * @param shredded whether the method observes {@link ShreddedEvent}s of that type, rather than events
 * @param kinds    what each parameter receives, in declaration order
 */
record ProjectionMethod(Method method, Class<?> observed, boolean shredded, List<Kind> kinds) {

    /** What a parameter of a projection method receives. */
    enum Kind { EVENT, NOTIFICATION, DOMAIN_EVENT, ENTITY_MANAGER, SEQUENCED_DECISION }

    ProjectionMethod {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(observed, "observed");
        kinds = List.copyOf(kinds);
        method.setAccessible(true);
    }

    /** Whether this method observes decisions of DCB applications, rather than events of aggregates. */
    boolean decisions() {
        return Decision.class.isAssignableFrom(observed);
    }

    /** Whether this method receives the event. */
    boolean observes(Object payload) {
        return !shredded && observed.isInstance(payload);
    }

    /** Whether this method receives the shredded event. */
    boolean observes(ShreddedEvent<?> event) {
        return shredded && observed.isAssignableFrom(event.type());
    }

    /**
     * Calls the method on the bean instance with a shredded event.
     *
     * @throws RuntimeException what the method threw (checked exceptions wrapped)
     */
    void invoke(Object instance, ShreddedEvent<?> event, Object entityManager) {
        call(instance, arguments(event, null, event.notification(), entityManager));
    }

    /**
     * Calls the method on the bean instance.
     *
     * @param entityManager the dispatch transaction's entity manager, or {@code null} without JPA
     * @throws RuntimeException what the method threw (checked exceptions wrapped)
     */
    void invoke(Object instance, DomainEvent<?> event, Notification notification, Object entityManager) {
        call(instance, arguments(event.payload(), event, notification, entityManager));
    }

    /**
     * Calls the method on the bean instance with a decision of a DCB application.
     *
     * @param entityManager the dispatch transaction's entity manager, or {@code null} without JPA
     * @throws RuntimeException what the method threw (checked exceptions wrapped)
     */
    void invoke(Object instance, SequencedDecision decided, Object entityManager) {
        Object[] arguments = new Object[kinds.size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = switch (kinds.get(i)) {
                case EVENT -> decided.decision();
                case SEQUENCED_DECISION -> decided;
                case ENTITY_MANAGER -> entityManager;
                case NOTIFICATION, DOMAIN_EVENT -> null; // refused for decisions when the method was read
            };
        }
        call(instance, arguments);
    }

    private Object[] arguments(Object observedArgument, DomainEvent<?> event, Notification notification,
                               Object entityManager) {
        Object[] arguments = new Object[kinds.size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = switch (kinds.get(i)) {
                case EVENT -> observedArgument;
                case NOTIFICATION -> notification;
                case DOMAIN_EVENT -> event;
                case ENTITY_MANAGER -> entityManager;
                case SEQUENCED_DECISION -> null; // refused for events when the method was read
            };
        }
        return arguments;
    }

    private void call(Object instance, Object[] arguments) {
        try {
            method.invoke(instance, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(describe() + " failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call " + describe() + ": " + e.getMessage(), e);
        }
    }

    String describe() {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "("
                + (shredded ? "ShreddedEvent<" + observed.getSimpleName() + ">" : observed.getSimpleName()) + ")";
    }
}
