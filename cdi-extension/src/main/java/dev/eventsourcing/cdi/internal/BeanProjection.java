package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.application.Shredding;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.projection.FailurePolicy;
import dev.eventsourcing.projection.Projection;
import dev.eventsourcing.projection.ShreddedEvent;
import jakarta.enterprise.inject.spi.Bean;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A {@code @Projection} bean as the runner's {@link Projection}: it observes the event types of
 * its observer methods, and processing an event calls each method that observes it on the bean
 * instance, in a fixed order (by method name, then parameter list), so that several methods
 * observing the same event are called in the same order on every node and after every restart.
 * Methods observing {@code ShreddedEvent<E>} receive the shredded events of type {@code E}, and
 * methods observing {@link Shredding.SubjectShredded} the shreddings.
 *
 * @param name          the projection's name
 * @param bean          the projection's bean
 * @param methods       its observer methods, in call order
 * @param failurePolicy what becomes of a notification that keeps failing
 * @param instances     the bean instance of a bean; {@code null} until the deployment runs
 */
record BeanProjection(String name, Bean<?> bean, List<ProjectionMethod> methods, FailurePolicy failurePolicy,
                      Function<Bean<?>, Object> instances) implements Projection {

    BeanProjection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bean, "bean");
        Objects.requireNonNull(failurePolicy, "failurePolicy");
        methods = List.copyOf(methods);
    }

    /** The same projection, calling its methods on the instances the deployment gives. */
    BeanProjection running(Function<Bean<?>, Object> deploymentInstances) {
        return new BeanProjection(name, bean, methods, failurePolicy, deploymentInstances);
    }

    @Override
    public boolean observes(Class<?> eventType) {
        return methods.stream().anyMatch(method -> method.observed().isAssignableFrom(eventType));
    }

    /**
     * The classes its methods observe (for {@code ShreddedEvent<E>}, {@code E}), so that a runner
     * reads only their topics where each is an event record or a sealed type, and every
     * notification when one is an open type.
     */
    @Override
    public Set<Class<?>> observedTypes() {
        return methods.stream().map(ProjectionMethod::observed).collect(Collectors.toUnmodifiableSet());
    }

    /** Calls each method that observes {@code ShreddedEvent}s of the event's type. */
    @Override
    public void processShredded(ShreddedEvent<?> event, Object unitOfWork) {
        Object instance = null;
        for (ProjectionMethod method : methods) {
            if (method.observes(event)) {
                instance = instance != null ? instance : instances.apply(bean);
                method.invoke(instance, event, unitOfWork);
            }
        }
    }

    /** Calls each method that observes {@link Shredding.SubjectShredded}, as it would any event. */
    @Override
    public void erase(DomainEvent<Shredding.SubjectShredded> shredding, Notification notification, Object unitOfWork) {
        process(shredding, notification, unitOfWork);
    }

    @Override
    public void process(DomainEvent<?> event, Notification notification, Object unitOfWork) {
        Object instance = null;
        for (ProjectionMethod method : methods) {
            if (method.observes(event.payload())) {
                instance = instance != null ? instance : instances.apply(bean);
                method.invoke(instance, event, notification, unitOfWork);
            }
        }
    }

    @Override
    public String toString() {
        return "@Projection(\"" + name + "\") " + bean.getBeanClass().getName();
    }
}
