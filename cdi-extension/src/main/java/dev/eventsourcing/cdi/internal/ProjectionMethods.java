package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.dcb.application.SequencedDecision;
import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.domain.AggregateEvent;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.projection.ShreddedEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedParameter;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/** Reads the observer methods of projection classes into {@link ProjectionMethod}s, or the problem with each. */
final class ProjectionMethods {

    private ProjectionMethods() {
    }

    /** An observer method read: either the method or the problem. */
    record Reading(ProjectionMethod method, String problem) {
    }

    /** The parameter annotated {@code @Observes} or {@code @ObservesAsync}, or {@code null} for no observer method. */
    static AnnotatedParameter<?> observedParameter(AnnotatedMethod<?> method) {
        return method.getParameters().stream()
                .filter(p -> p.isAnnotationPresent(Observes.class) || p.isAnnotationPresent(ObservesAsync.class))
                .findFirst().orElse(null);
    }

    static Reading read(AnnotatedMethod<?> annotated, AnnotatedParameter<?> event) {
        Method method = annotated.getJavaMember();
        if (event.isAnnotationPresent(ObservesAsync.class)) {
            return problem(Messages.unsupportedObserverKind(method, "asynchronous (@ObservesAsync)"));
        }
        TransactionPhase phase = event.getAnnotation(Observes.class).during();
        if (phase != TransactionPhase.IN_PROGRESS) {
            return problem(Messages.unsupportedObserverKind(method, "transactional (during = " + phase + ")"));
        }
        boolean shredded = BeanTypes.rawType(event.getBaseType()) == ShreddedEvent.class;
        Class<?> observed = shredded ? shreddedType(event.getBaseType()) : BeanTypes.rawType(event.getBaseType());
        boolean decisions = !shredded && observed != null && Decision.class.isAssignableFrom(observed);
        if (observed == null || !decisions && !AggregateEvent.class.isAssignableFrom(observed)) {
            return problem(Messages.observesNoEvent(method, event.getBaseType().getTypeName()));
        }
        List<ProjectionMethod.Kind> kinds = new ArrayList<>();
        for (AnnotatedParameter<?> parameter : annotated.getParameters()) {
            ProjectionMethod.Kind kind = parameter == event ? ProjectionMethod.Kind.EVENT : kindOf(parameter);
            if (!allowed(kind, decisions)) {
                String type = parameter.getBaseType().getTypeName();
                return problem(decisions ? Messages.unsupportedDecisionParameter(method, type)
                        : Messages.unsupportedParameter(method, type));
            }
            if (shredded && kind == ProjectionMethod.Kind.DOMAIN_EVENT) {
                return problem(Messages.shreddedEventWithDomainEvent(method));
            }
            kinds.add(kind);
        }
        return new Reading(new ProjectionMethod(method, observed, shredded, kinds), null);
    }

    // ShreddedEvent<Account.Opened> observes Account.Opened events that were shredded; a raw
    // ShreddedEvent or a wildcard names no event type.
    private static Class<?> shreddedType(Type type) {
        return type instanceof ParameterizedType parameterized
                ? BeanTypes.rawType(parameterized.getActualTypeArguments()[0]) : null;
    }

    // A decision comes with its SequencedDecision, an event of an aggregate with its Notification and DomainEvent.
    private static boolean allowed(ProjectionMethod.Kind kind, boolean decisions) {
        if (kind == null) {
            return false;
        }
        return switch (kind) {
            case EVENT, ENTITY_MANAGER -> true;
            case SEQUENCED_DECISION -> decisions;
            case NOTIFICATION, DOMAIN_EVENT -> !decisions;
        };
    }

    private static ProjectionMethod.Kind kindOf(AnnotatedParameter<?> parameter) {
        Class<?> type = BeanTypes.rawType(parameter.getBaseType());
        if (type == Notification.class) {
            return ProjectionMethod.Kind.NOTIFICATION;
        }
        if (type == DomainEvent.class) {
            return ProjectionMethod.Kind.DOMAIN_EVENT;
        }
        if (type == SequencedDecision.class) {
            return ProjectionMethod.Kind.SEQUENCED_DECISION;
        }
        // By name: JPA need not be on the class path of a deployment that does not use it.
        if (type != null && type.getName().equals("jakarta.persistence.EntityManager")) {
            return ProjectionMethod.Kind.ENTITY_MANAGER;
        }
        return null;
    }

    private static Reading problem(String message) {
        return new Reading(null, message);
    }
}
