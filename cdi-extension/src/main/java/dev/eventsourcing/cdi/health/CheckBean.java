package dev.eventsourcing.cdi.health;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.PassivationCapable;
import org.eclipse.microprofile.health.HealthCheck;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One health check as a bean of the deployment. A bean made by hand, not with the container's
 * bean configurator, because only such a bean joins the bean archive of its bean class: the
 * deployment's own ({@code anchor}), where the server's health extension looks for checks. (On
 * WildFly, a configured bean stays in the library jar's archive, which that extension does not see.)
 *
 * @param anchor the bean class: a class of the deployment's own
 * @param kind   {@code @Readiness} or {@code @Liveness}
 * @param id     what tells this bean from the other checks
 * @param check  makes the check
 */
record CheckBean(Class<?> anchor, Annotation kind, String id, Supplier<HealthCheck> check)
        implements Bean<HealthCheck>, PassivationCapable {

    @Override
    public Class<?> getBeanClass() {
        return anchor;
    }

    @Override
    public Set<InjectionPoint> getInjectionPoints() {
        return Set.of();
    }

    @Override
    public HealthCheck create(CreationalContext<HealthCheck> context) {
        return check.get();
    }

    @Override
    public void destroy(HealthCheck instance, CreationalContext<HealthCheck> context) {
        context.release();
    }

    @Override
    public Set<Type> getTypes() {
        return Set.of(HealthCheck.class, Object.class);
    }

    @Override
    public Set<Annotation> getQualifiers() {
        return Set.of(kind, Any.Literal.INSTANCE);
    }

    @Override
    public Class<? extends Annotation> getScope() {
        return Dependent.class;
    }

    @Override
    public String getName() {
        return null;
    }

    @Override
    public Set<Class<? extends Annotation>> getStereotypes() {
        return Set.of();
    }

    @Override
    public boolean isAlternative() {
        return false;
    }

    @Override
    public String getId() {
        return CheckBean.class.getName() + ":" + kind.annotationType().getSimpleName() + ":" + id;
    }
}
