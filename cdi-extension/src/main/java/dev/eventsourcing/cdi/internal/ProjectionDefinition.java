package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.projection.FailurePolicy;
import jakarta.enterprise.inject.spi.Bean;

import java.util.List;
import java.util.Objects;

/**
 * A projection bean as the extension found it: its name, its bean, its failure policy and its observer methods in
 * a fixed order (by method name, then parameter list), so that several methods observing the
 * same event are called in the same order on every node and after every restart.
 */
record ProjectionDefinition(String name, Bean<?> bean, List<ProjectionMethod> methods, FailurePolicy failurePolicy) {

    ProjectionDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bean, "bean");
        Objects.requireNonNull(failurePolicy, "failurePolicy");
        methods = List.copyOf(methods);
    }

    /** The methods that receive this event, in call order. */
    List<ProjectionMethod> methodsFor(Object payload) {
        return methods.stream().filter(method -> method.observes(payload)).toList();
    }
}
