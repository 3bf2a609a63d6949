package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.domain.AggregateEvent;
import dev.eventsourcing.cdi.EventStoreContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.ObserverMethod;

import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The small decisions the extension delegates, so that the extension class reads as the
 * container lifecycle and nothing else.
 */
public final class Wiring {

    private Wiring() {
    }

    /** The deployment's settings, from MicroProfile Config. */
    public static Settings settings() {
        return ConfigSettings.load();
    }

    /** Adds the beans that hold container resources, when the configured backend needs them. */
    public static void addContainerBeans(BeforeBeanDiscovery event, Settings settings) {
        try {
            JpaWiring.addContainerBeans(event, settings);
        } catch (ConfigurationException e) {
            // Reported with the other configuration problems once discovery is over.
        }
    }

    /**
     * Whether the bean is the deployment's {@code @EventStoreContext EntityManager}. Compared by
     * name, so that this class loads without JPA on the class path.
     */
    public static boolean isEventStoreContext(Bean<?> bean) {
        return bean.getQualifiers().stream().anyMatch(q -> q.annotationType() == EventStoreContext.class)
                && bean.getTypes().stream().anyMatch(t -> t instanceof Class<?> c && c.getName().equals(JpaWiring.ENTITY_MANAGER));
    }

    /** The default application's name. @throws ConfigurationException for a bad setting */
    public static String defaultApplicationName(Settings settings) {
        return Options.read(settings).applicationName();
    }

    /** Whether an ordinary (non-projection) observer method observes stored events. */
    public static boolean observesEvents(ObserverMethod<?> observer) {
        Class<?> observed = Discovery.rawType(observer.getObservedType());
        return observed != null && AggregateEvent.class.isAssignableFrom(observed);
    }

    /** The class of the bean an application spec registers. */
    public static Class<?> beanClass(ApplicationSpec spec) {
        return spec.beanClass();
    }

    /**
     * The bean types of an application class: itself, Object, and when it is the deployment's
     * only application also its superclasses up to {@link Application}, so that
     * {@code @Inject Application} finds it.
     */
    public static Set<Type> typesOf(Class<?> applicationClass, boolean only) {
        Set<Type> types = new LinkedHashSet<>();
        types.add(applicationClass);
        for (Class<?> c = applicationClass.getSuperclass(); only && c != Object.class; c = c.getSuperclass()) {
            types.add(c);
        }
        types.add(Object.class);
        return types;
    }

    /** The type {@code Repository<A>}. */
    public static Type repositoryType(Class<?> aggregate) {
        return new RepositoryType(aggregate);
    }

    public static String badConfiguration(ConfigurationException e) {
        return Messages.badConfiguration(e.getMessage());
    }

    public static String startFailed(RuntimeException e) {
        return e instanceof ConfigurationException ? Messages.badConfiguration(e.getMessage())
                : Messages.startFailed(e.getClass().getName() + ": " + e.getMessage());
    }
}
