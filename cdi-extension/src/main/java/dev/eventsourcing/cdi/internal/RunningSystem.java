package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.MetricsListener;
import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Environment;
import dev.eventsourcing.application.Repository;
import dev.eventsourcing.cdi.EventStoreReset;
import dev.eventsourcing.cdi.metrics.Telemetry;
import dev.eventsourcing.cdi.relay.Relays;
import dev.eventsourcing.dcb.application.DcbApplication;
import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.persistence.Infrastructure;
import dev.eventsourcing.persistence.inmemory.InMemoryInfrastructureFactory;
import dev.eventsourcing.system.ApplicationSystem;
import dev.eventsourcing.system.MultiThreadedRunner;
import dev.eventsourcing.system.ParkedNotifications;
import dev.eventsourcing.system.Readers;
import dev.eventsourcing.system.RemoteLeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The event-sourced system of one deployment while it runs: its applications and the runner
 * that feeds its projections and process applications. The extension starts it once the
 * deployment is valid and stops it before the application context ends; in between it is an
 * ordinary application-scoped bean.
 */
public class RunningSystem implements EventStoreReset {

    private static final Logger LOG = Logger.getLogger(RunningSystem.class.getName());

    private final Map<Class<?>, Application> applications = new LinkedHashMap<>();
    private final Map<Class<?>, DcbApplication> dcbApplications = new LinkedHashMap<>();
    private volatile Map<Class<? extends Aggregate>, Class<?>> owners = Map.of();
    private volatile MultiThreadedRunner runner;
    // The pool the extension made and shuts down: its own executor, or the timer on managed threads.
    private ScheduledExecutorService madePool;
    private Settings settings;
    private boolean jpa;
    private MetricsListener metrics = MetricsListener.NONE;

    /** Called by the container (the class is proxied); the extension calls {@link #start}. */
    public RunningSystem() {
    }

    /**
     * Makes the applications on the configured infrastructure and starts the runner, which
     * catches every reader up from its last position. Where the OpenTelemetry API is present and
     * the server provides an {@code OpenTelemetry} bean, the applications and the runner report
     * metrics to it.
     *
     * @throws RuntimeException when the configuration or the backend fails; nothing keeps running then
     */
    public synchronized RunningSystem start(Discovery.Model model, Settings settings, ContainerDeployment deployment,
                                            OptionalApis apis) {
        Options options = Options.read(settings);
        this.settings = settings;
        this.jpa = options.jpa();
        Infrastructure infrastructure = options.jpa()
                ? ContainerJpa.open(settings, deployment.eventStoreContexts(), deployment.beanManager())
                : InMemoryInfrastructureFactory::new;
        try {
            metrics = apis.telemetry() ? telemetry(deployment) : MetricsListener.NONE;
            Environment environment = Environment.of(settings, infrastructure, metrics);
            model.applications().forEach(spec -> applications.put(spec.beanClass(), spec.create(environment)));
            owners = ownerClasses(model);
            ApplicationSystem system = deployment.system();
            MultiThreadedRunner.Builder builder = MultiThreadedRunner.builder().settings(settings).infrastructure(infrastructure)
                    .metrics(metrics);
            // Scoped keys (eventsourcing.<reader>.projection.segments) reach each reader through the
            // settings; the node id is the deployment's own.
            options.node().ifPresent(builder::node);
            if (system != null) {
                constructMissing(system, environment);
                builder.system(system);
            }
            Set<Class<?>> domainClasses = domainClasses(model);
            applications.values().forEach(application -> application.mapper().declare(domainClasses.toArray(Class<?>[]::new)));
            applications.values().forEach(builder::application);
            for (BeanProjection definition : model.projections()) {
                BeanProjection projection = definition.running(deployment::instanceOf);
                applications.values().forEach(application -> builder.projection(projection, application.name()));
            }
            startDcb(model, environment, builder, deployment);
            RemoteLeaders.follow(builder, byName(), model.projections().stream().map(BeanProjection::name)
                    .collect(Collectors.toSet()), ConfigSettings.keys(), settings, domainClasses, options.synchronous());
            Relays.register(builder, byName(), settings, ConfigSettings.keys(), apis.messaging(),
                    Messages::relayWithoutMessaging);
            madePool = ManagedExecutor.configure(builder, options);
            if (deployment.plainObservers()) {
                applications.values().forEach(deployment::fireAfterCommit);
            }
            runner = builder.build();
            runner.start();
            return this;
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        }
    }

    // Each DCB application knows every decision class observed; every DCB projection follows each one.
    private void startDcb(Discovery.Model model, Environment environment, MultiThreadedRunner.Builder builder,
                          ContainerDeployment deployment) {
        for (DcbSpec spec : model.dcbApplications()) {
            DcbApplication application = spec.create(environment);
            dcbApplications.put(spec.type(), application);
            application.mapper().declare(model.decisionTypes().toArray(Class<?>[]::new));
            model.perspectives().forEach(application.mapper()::declareNested);
            builder.application(application);
        }
        for (BeanDcbProjection definition : model.dcbProjections()) {
            BeanDcbProjection projection = definition.running(deployment::instanceOf);
            dcbApplications.values().forEach(application -> builder.projection(projection, application.name()));
        }
    }

    // Metrics are an extra: a server whose OpenTelemetry cannot be used gets none, and a warning.
    private MetricsListener telemetry(ContainerDeployment deployment) {
        try {
            MetricsListener listener = Telemetry.listener(deployment.beanManager(), () -> runner().statuses());
            if (listener != MetricsListener.NONE) {
                LOG.info("Event sourcing records its metrics to the server's OpenTelemetry");
            }
            return listener;
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, e, () -> "Event sourcing reports no metrics: the server's OpenTelemetry could not be"
                    + " used: " + e);
            return MetricsListener.NONE;
        }
    }

    // Applications of the system that nothing injects are made here all the same, so that
    // remote follow keys and plain observers see every application of the deployment.
    private void constructMissing(ApplicationSystem system, Environment environment) {
        for (Class<? extends Application> type : system.applications()) {
            if (!applications.containsKey(type)) {
                ApplicationSpec.problemOf(type).ifPresent(problem -> {
                    throw new ConfigurationException(problem);
                });
                applications.put(type, ApplicationSpec.of(type).create(environment));
            }
        }
    }

    // What the extension found, and what the applications declare themselves (their domainClasses()):
    // every reader of the deployment knows the whole domain model, also after a restart, before
    // an application has written or got anything.
    private Set<Class<?>> domainClasses(Discovery.Model model) {
        Set<Class<?>> classes = new LinkedHashSet<>(model.domainClasses());
        applications.values().forEach(application -> classes.addAll(application.mapper().knownClasses()));
        return classes;
    }

    private static Map<Class<? extends Aggregate>, Class<?>> ownerClasses(Discovery.Model model) {
        Map<Class<? extends Aggregate>, Class<?>> classes = new LinkedHashMap<>();
        model.owners().forEach((aggregate, spec) -> classes.put(aggregate, spec.beanClass()));
        return Map.copyOf(classes);
    }

    private Map<String, Application> byName() {
        Map<String, Application> named = new LinkedHashMap<>();
        applications.values().forEach(application -> named.put(application.name(), application));
        return named;
    }

    // Before the application context ends, so that no handler runs on a destroyed bean.
    void beforeDestroyed(@Observes(notifyObserver = Reception.IF_EXISTS) @BeforeDestroyed(ApplicationScoped.class) Object event) {
        stop();
    }

    /** Stops the runner (waiting briefly for running handlers) and closes the applications. */
    public synchronized void stop() {
        if (runner != null) {
            runner.stop();
            runner = null;
        }
        if (madePool != null) {
            madePool.shutdownNow();
            madePool = null;
        }
        closeMetrics();
        applications.values().forEach(Application::close);
        applications.clear();
        dcbApplications.values().forEach(DcbApplication::close);
        dcbApplications.clear();
    }

    /**
     * {@inheritDoc} The same runner, with the same applications, starts again: injected
     * applications, repositories and {@link Readers} stay valid.
     */
    @Override
    public synchronized void reset(Runnable clearViews) {
        Objects.requireNonNull(clearViews, "clearViews");
        MultiThreadedRunner current = runner();
        if (!settings.getBoolean(ENABLED, false)) {
            throw new IllegalStateException("Refused to empty the event store: the deployment does not set '"
                    + ConfigSettings.PREFIX + ENABLED + "' to true. Set it only in test deployments.");
        }
        if (!jpa) {
            throw new IllegalStateException("Cannot empty the event store: it is in memory ('"
                    + ConfigSettings.PREFIX + Settings.PERSISTENCE_MODULE + "' is not 'jpa'); deploy again to start empty");
        }
        current.stop();
        try {
            StoreEmptying.empty(applications.isEmpty() ? dcbApplications.values().iterator().next().transactions()
                    : applications.values().iterator().next().transactions(), clearViews);
            applications.values().forEach(Application::clearCache);
        } finally {
            // Each start adds a prompting listener to the applications; the stopped run's ones do nothing.
            current.start();
        }
    }

    private void closeMetrics() {
        if (metrics instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not unregister the metrics", e);
            }
        }
        metrics = MetricsListener.NONE;
    }

    /** The application whose bean has this class. */
    public Application application(Class<?> beanClass) {
        Application application = applications.get(beanClass);
        if (application == null) {
            throw new IllegalStateException("Event sourcing is not running: no application " + beanClass.getName());
        }
        return application;
    }

    /** The DCB application whose bean has this class. */
    public DcbApplication dcbApplication(Class<?> beanClass) {
        DcbApplication application = dcbApplications.get(beanClass);
        if (application == null) {
            throw new IllegalStateException("Event sourcing is not running: no DCB application " + beanClass.getName());
        }
        return application;
    }

    /** The repository of an aggregate type, from the application that declares it. */
    public <A extends Aggregate> Repository<A> repository(Class<A> aggregateType) {
        return application(owners.get(aggregateType)).repository(aggregateType);
    }

    /**
     * The runner, which the extension makes injectable as {@link Readers} and
     * {@link ParkedNotifications}.
     *
     * @throws IllegalStateException when the system is not running
     */
    public MultiThreadedRunner runner() {
        MultiThreadedRunner running = runner;
        if (running == null) {
            throw new IllegalStateException("Event sourcing is not running");
        }
        return running;
    }
}
