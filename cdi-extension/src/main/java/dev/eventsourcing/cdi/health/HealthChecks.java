package dev.eventsourcing.cdi.health;

import dev.eventsourcing.cdi.internal.ApplicationSpec;
import dev.eventsourcing.cdi.internal.DcbSpec;
import dev.eventsourcing.cdi.internal.Discovery;
import dev.eventsourcing.cdi.internal.RunningSystem;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.ReaderStatus;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Adds the health checks of a deployment as beans: a readiness check per application (of
 * aggregates, or DCB) and per
 * reader (each projection bean, each JMS relay, and each process application of the deployment), and one
 * liveness check of the workers. The extension calls it only where the MicroProfile Health API
 * is present, so that this class, which links against it, is never loaded elsewhere.
 */
public final class HealthChecks {

    private HealthChecks() {
    }

    /**
     * Adds the checks of the model's applications and readers.
     *
     * @param event       the container's event, to add beans with
     * @param beanManager the deployment's bean manager, which gives the checks the running system
     * @param model       what the extension found
     * @param settings    the checks' bounds
     * @param relays      the names of the deployment's JMS relays, readers like the projections
     */
    public static void add(AfterBeanDiscovery event, BeanManager beanManager, Discovery.Model model,
                           HealthSettings settings, List<String> relays) {
        Class<?> anchor = model.anchor() != null ? model.anchor() : HealthChecks.class;
        Supplier<RunningSystem> running = () -> beanManager.createInstance().select(RunningSystem.class).get();
        Supplier<List<ReaderStatus>> statuses = () -> running.get().runner().statuses();
        for (ApplicationSpec spec : model.applications()) {
            Class<?> type = spec.beanClass();
            event.addBean(new CheckBean(anchor, Readiness.Literal.INSTANCE, type.getName(),
                    () -> ApplicationCheck.of(() -> running.get().application(type))));
            if (ProcessApplication.class.isAssignableFrom(type)) {
                event.addBean(new CheckBean(anchor, Readiness.Literal.INSTANCE, "reader " + type.getName(),
                        () -> new ReaderCheck(() -> running.get().application(type).name(), statuses, settings)));
            }
        }
        for (DcbSpec spec : model.dcbApplications()) {
            Class<?> type = spec.type();
            event.addBean(new CheckBean(anchor, Readiness.Literal.INSTANCE, type.getName(),
                    () -> ApplicationCheck.ofDcb(() -> running.get().dcbApplication(type))));
        }
        for (String name : Stream.concat(model.projectionNames().stream(), relays.stream()).toList()) {
            event.addBean(new CheckBean(anchor, Readiness.Literal.INSTANCE, "projection " + name,
                    () -> new ReaderCheck(() -> name, statuses, settings)));
        }
        event.addBean(new CheckBean(anchor, Liveness.Literal.INSTANCE, WorkersCheck.NAME,
                () -> new WorkersCheck(statuses, settings)));
    }
}
