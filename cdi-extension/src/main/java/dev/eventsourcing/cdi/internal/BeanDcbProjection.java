package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.dcb.application.SequencedDecision;
import dev.eventsourcing.dcb.projection.DcbProjection;
import dev.eventsourcing.projection.FailurePolicy;
import jakarta.enterprise.inject.spi.Bean;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@code @Projection} bean that observes decisions, as the runner's {@link DcbProjection}: it
 * follows every DCB application of the deployment, observes the decision types of its observer
 * methods, and processing a decision calls each method that observes it on the bean instance,
 * in the fixed order of {@link BeanProjection}.
 *
 * @param name          the projection's name
 * @param bean          the projection's bean
 * @param methods       its observer methods, in call order
 * @param failurePolicy what becomes of a decision that keeps failing
 * @param instances     the bean instance of a bean; {@code null} until the deployment runs
 */
record BeanDcbProjection(String name, Bean<?> bean, List<ProjectionMethod> methods, FailurePolicy failurePolicy,
                         Function<Bean<?>, Object> instances) implements DcbProjection {

    BeanDcbProjection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bean, "bean");
        Objects.requireNonNull(failurePolicy, "failurePolicy");
        methods = List.copyOf(methods);
    }

    /** The same projection, calling its methods on the instances the deployment gives. */
    BeanDcbProjection running(Function<Bean<?>, Object> deploymentInstances) {
        return new BeanDcbProjection(name, bean, methods, failurePolicy, deploymentInstances);
    }

    @Override
    public boolean observes(Class<?> decisionType) {
        return methods.stream().anyMatch(method -> method.observed().isAssignableFrom(decisionType));
    }

    @Override
    public void process(SequencedDecision decided, Object unitOfWork) {
        Object instance = null;
        for (ProjectionMethod method : methods) {
            if (method.observes(decided.decision())) {
                instance = instance != null ? instance : instances.apply(bean);
                method.invoke(instance, decided, unitOfWork);
            }
        }
    }

    @Override
    public String toString() {
        return "@Projection(\"" + name + "\") " + bean.getBeanClass().getName();
    }
}
