package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.projection.FailurePolicy;
import dev.eventsourcing.projection.Projection;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@code @Projection} bean seen as the runner's {@link Projection}: it observes the event types
 * of its observer methods, and processing an event calls each method that observes it, in the
 * definition's fixed order, on the bean instance.
 */
final class BeanProjection implements Projection {

    private final ProjectionDefinition definition;
    private final Supplier<Object> instance;

    BeanProjection(ProjectionDefinition definition, Supplier<Object> instance) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.instance = Objects.requireNonNull(instance, "instance");
    }

    @Override
    public String name() {
        return definition.name();
    }

    @Override
    public boolean observes(Class<?> eventType) {
        return definition.methods().stream().anyMatch(method -> method.observed().isAssignableFrom(eventType));
    }

    @Override
    public void process(DomainEvent<?> event, Notification notification, Object unitOfWork) {
        Object bean = null;
        for (ProjectionMethod method : definition.methodsFor(event.payload())) {
            bean = bean != null ? bean : instance.get();
            method.invoke(bean, event, notification, unitOfWork);
        }
    }

    @Override
    public FailurePolicy failurePolicy() {
        return definition.failurePolicy();
    }

    @Override
    public String toString() {
        return "@Projection(\"" + definition.name() + "\") " + definition.bean().getBeanClass().getName();
    }
}
