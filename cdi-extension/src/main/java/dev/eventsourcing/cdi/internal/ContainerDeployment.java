package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.persistence.Recording;
import dev.eventsourcing.system.ApplicationSystem;
import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The deployment as the container announced it to the extension: the beans the running system
 * needs, and the CDI event bus for plain observers of events.
 *
 * <p>Plain CDI observers of event types (beans that are not projections) receive each saved event
 * after commit as an ordinary CDI event, best effort: once, in the committing thread, never
 * again after a crash; their failures are only logged. They receive the event the application
 * saved, not one decoded again from the store.
 */
public record ContainerDeployment(List<Bean<?>> eventStoreContexts, List<Bean<?>> systems, BeanManager beanManager,
                                  boolean plainObservers) {

    private static final Logger LOG = Logger.getLogger(ContainerDeployment.class.getName());

    public ContainerDeployment {
        eventStoreContexts = List.copyOf(eventStoreContexts);
        systems = List.copyOf(systems);
    }

    /** The deployment's system of applications: from the bean the container announced, else looked up; or {@code null}. */
    public ApplicationSystem system() {
        if (systems.size() > 1) {
            throw new ConfigurationException("The deployment has " + systems.size()
                    + " ApplicationSystem beans, one at most is allowed: " + systems);
        }
        if (systems.size() == 1) {
            Bean<?> bean = systems.get(0);
            return (ApplicationSystem) beanManager.getReference(bean, ApplicationSystem.class,
                    beanManager.createCreationalContext(bean));
        }
        var found = beanManager.createInstance().select(ApplicationSystem.class);
        return found.isResolvable() ? found.get() : null;
    }

    /** The contextual instance of a bean itself, not a client proxy (observer methods may be package-private). */
    public Object instanceOf(Bean<?> bean) {
        return instance(bean);
    }

    private <T> T instance(Bean<T> bean) {
        Context context = beanManager.getContext(bean.getScope());
        return context.get(bean, beanManager.createCreationalContext(bean));
    }

    /** Fires each event the application saves to plain CDI observers, after commit. */
    public void fireAfterCommit(Application application) {
        application.addRecordingListener(recordings ->
                application.transactions().afterCommit(() -> recordings.forEach(this::fire)));
    }

    private void fire(Recording recording) {
        Object event = recording.domainEvent().payload();
        try {
            beanManager.getEvent().fire(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "An observer of " + event.getClass().getName() + " failed; the event is"
                    + " stored and projections receive it regardless");
        }
    }
}
