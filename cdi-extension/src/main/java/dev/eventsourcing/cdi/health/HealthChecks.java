package dev.eventsourcing.cdi.health;

import dev.eventsourcing.cdi.internal.ApplicationSpec;
import dev.eventsourcing.cdi.internal.Discovery;
import dev.eventsourcing.cdi.internal.RunningSystem;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.ReaderStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.function.Function;

/**
 * Adds the health checks of a deployment as beans: a readiness check per application and per
 * reader (each projection bean, and each process application of the deployment), and one
 * liveness check of the workers. The extension calls it only where the MicroProfile Health API
 * is present, so that this class, which links against it, is never loaded elsewhere.
 */
public final class HealthChecks {

    private HealthChecks() {
    }

    /**
     * Adds the checks of the model's applications and readers.
     *
     * @param event    the container's event, to add beans with
     * @param model    what the extension found
     * @param settings the checks' bounds
     */
    public static void add(AfterBeanDiscovery event, Discovery.Model model, HealthSettings settings) {
        for (ApplicationSpec spec : model.applications()) {
            Class<?> type = spec.beanClass();
            add(event, Readiness.Literal.INSTANCE, type.getName(),
                    beans -> new ApplicationCheck(() -> running(beans).application(type)));
            if (ProcessApplication.class.isAssignableFrom(type)) {
                add(event, Readiness.Literal.INSTANCE, "reader " + type.getName(), beans -> new ReaderCheck(
                        () -> running(beans).application(type).name(), () -> statuses(beans), settings));
            }
        }
        for (String name : model.projectionNames()) {
            add(event, Readiness.Literal.INSTANCE, "projection " + name,
                    beans -> new ReaderCheck(() -> name, () -> statuses(beans), settings));
        }
        add(event, Liveness.Literal.INSTANCE, WorkersCheck.NAME, beans -> new WorkersCheck(() -> statuses(beans), settings));
    }

    // Each bean needs an id of its own: synthetic beans of one class are otherwise taken for one.
    private static void add(AfterBeanDiscovery event, Annotation kind, String id,
                            Function<Instance<Object>, HealthCheck> check) {
        event.addBean()
                .beanClass(HealthChecks.class)
                .id(HealthChecks.class.getName() + ":" + kind.annotationType().getSimpleName() + ":" + id)
                .types(HealthCheck.class, Object.class)
                .qualifiers(kind)
                .scope(Dependent.class)
                .produceWith(check);
    }

    private static RunningSystem running(Instance<Object> beans) {
        return beans.select(RunningSystem.class).get();
    }

    private static List<ReaderStatus> statuses(Instance<Object> beans) {
        return running(beans).runner().statuses();
    }
}
