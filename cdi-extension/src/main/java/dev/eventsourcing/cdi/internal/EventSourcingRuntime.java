package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Repository;
import dev.eventsourcing.cdi.ProjectionStatus;
import dev.eventsourcing.cdi.Projections;
import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.system.ApplicationSystem;
import dev.eventsourcing.system.ProcessApplication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The running event-sourced system of one deployment: its applications, its backend, and a
 * worker per projection and application log. The extension starts it once the deployment is
 * valid and stops it at shutdown; in between it is an ordinary application-scoped bean, also
 * serving as the {@link Projections} users inject.
 *
 * <p>Process applications: when the deployment produces an {@link ApplicationSystem} bean, each
 * of its followers (a {@link ProcessApplication}) follows its leaders, run by the same
 * dispatcher as projections; applications of the system that are not injected anywhere are made
 * all the same. A process application or a projection may also follow a log in another
 * deployment over HTTP ({@link RemoteLeaders}).
 *
 * <p>Dispatch: after each commit of a save, the projections of that application are prompted.
 * With synchronous dispatch (the in-memory default) they run in the committing thread before
 * {@code save} returns; with asynchronous dispatch on the {@link Dispatcher}'s executor, which
 * also polls the logs to cover prompts that were missed and other processes' writes. Plain CDI
 * observers of event types (beans that are not projections) receive each saved event after
 * commit as an ordinary CDI event, best effort: once, in the committing thread, never again after
 * a crash, and their failures are only logged.
 */
public class EventSourcingRuntime implements Projections {

    private static final Logger LOG = Logger.getLogger(EventSourcingRuntime.class.getName());

    private final Map<Class<?>, Application> applicationsByType = new LinkedHashMap<>();
    private final Map<String, Application> applicationsByName = new LinkedHashMap<>();
    private final List<Worker> workers = new ArrayList<>();
    private volatile BeanManager beanManager;
    private volatile Backend backend;
    private volatile Dispatcher dispatcher;
    private volatile boolean plainObservers;

    /** Called by the container (the class is proxied); the extension calls {@link #start}. */
    public EventSourcingRuntime() {
    }

    /**
     * Makes the applications and the projection workers and starts dispatching, beginning with
     * each projection's catch-up from its last position. {@code eventStoreContexts} are the
     * deployment's {@code @EventStoreContext EntityManager} beans and {@code systems} its
     * {@code ApplicationSystem} beans, as the container announced them.
     *
     * @throws RuntimeException when the configuration or the backend fails; nothing keeps running then
     */
    public synchronized EventSourcingRuntime start(Discovery.Model model, Settings settings, boolean plainObservers,
                                                   List<Bean<?>> eventStoreContexts, List<Bean<?>> systems,
                                                   BeanManager beanManager) {
        Options options = Options.read(settings);
        this.beanManager = beanManager;
        this.plainObservers = plainObservers;
        try {
            backend = options.jpa() ? JpaBackend.create(settings, options, eventStoreContexts, beanManager) : new InMemoryBackend();
            for (ApplicationSpec spec : model.applications()) {
                construct(spec, settings);
            }
            ApplicationSystem system = system(systems, beanManager);
            if (system != null) {
                for (Class<? extends Application> type : system.applications()) {
                    if (!applicationsByType.containsKey(type)) {
                        ApplicationSpec.problemOf(type).ifPresent(problem -> {
                            throw new ConfigurationException(problem);
                        });
                        construct(ApplicationSpec.of(type), settings);
                    }
                }
            }
            Map<String, Function<FollowedLog, Worker>> projections = new LinkedHashMap<>();
            for (ProjectionDefinition projection : model.projections()) {
                Function<FollowedLog, Worker> worker = log -> new ProjectionWorker(projection, log,
                        backend.trackingRecorder(projection.name()), backend.transactions(),
                        () -> instanceOf(projection.bean()), options);
                projections.put(projection.name(), worker);
                applicationsByName.values().forEach(application -> workers.add(worker.apply(FollowedLog.of(application))));
            }
            if (system != null) {
                follow(system, options);
            }
            workers.addAll(RemoteLeaders.follow(applicationsByName, projections, ConfigSettings.keys(), settings, options));
            dispatcher = Dispatcher.start(options, workers);
            return this;
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        }
    }

    // Before the application context ends, so that no handler runs on a destroyed bean.
    void beforeDestroyed(@Observes(notifyObserver = Reception.IF_EXISTS) @BeforeDestroyed(ApplicationScoped.class) Object event) {
        stop();
    }

    private void construct(ApplicationSpec spec, Settings settings) {
        Application application = CdiInfrastructure.construct(spec, backend, settings, this::stored);
        applicationsByType.put(spec.beanClass(), application);
        if (applicationsByName.putIfAbsent(application.name(), application) != null) {
            throw new ConfigurationException("Two applications are named '" + application.name() + "'");
        }
    }

    // The deployment's system of applications, when it produces one as a bean.
    /** The deployment's system: from the bean the container announced, else looked up. */
    private static ApplicationSystem system(List<Bean<?>> systems, BeanManager beanManager) {
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

    private void follow(ApplicationSystem system, Options options) {
        for (Class<? extends Application> type : system.applications()) {
            for (Class<? extends Application> leaderType : system.leadersOf(type)) {
                if (!(applicationsByType.get(type) instanceof ProcessApplication follower)) {
                    throw new ConfigurationException(type.getName() + " follows " + leaderType.getName()
                            + " in the application system, so it must be a ProcessApplication");
                }
                Application leader = applicationsByType.get(leaderType);
                follower.follow(leader);
                workers.add(new FollowerWorker(follower, leader.name(), options));
            }
        }
    }

    private <T> Object instanceOf(Bean<T> bean) {
        // The instance itself, not a client proxy: observer methods may be package-private.
        Context context = beanManager.getContext(bean.getScope());
        return context.get(bean, beanManager.createCreationalContext(bean));
    }

    private void stored(String applicationName, List<StoredEvent> events, List<Long> ids) {
        Runnable afterCommit = () -> committed(applicationName, events);
        Backend current = backend;
        if (current != null && current.inTransaction()) {
            current.afterCommit(afterCommit);
        } else {
            afterCommit.run();
        }
    }

    private void committed(String applicationName, List<StoredEvent> events) {
        prompt(applicationName);
        Application application = applicationsByName.get(applicationName);
        if (plainObservers && application != null) {
            for (StoredEvent event : events) {
                try {
                    beanManager.getEvent().fire(application.mapper().toDomainEvent(event).payload());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, e, () -> "An observer of " + event.topic() + " failed; the event is stored"
                            + " and projections receive it regardless");
                }
            }
        }
    }

    /** Stops dispatching (waiting briefly for running handlers) and closes the applications. */
    public synchronized void stop() {
        workers.forEach(Worker::stop);
        if (dispatcher != null) {
            dispatcher.stop();
            dispatcher = null;
        }
        applicationsByName.values().forEach(application -> {
            try {
                application.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "Closing application " + application.name() + " failed");
            }
        });
        applicationsByName.clear();
        applicationsByType.clear();
        if (backend != null) {
            backend.close();
            backend = null;
        }
    }

    /** The application whose bean has this class. */
    public Application application(Class<?> beanClass) {
        Application application = applicationsByType.get(beanClass);
        if (application == null) {
            throw new IllegalStateException("Event sourcing is not running: no application " + beanClass.getName());
        }
        return application;
    }

    /** The repository of an aggregate type in the deployment's only application. */
    public <A extends Aggregate> Repository<A> repository(Class<A> aggregateType) {
        return applicationsByType.values().iterator().next().repository(aggregateType);
    }

    @Override
    public void waitFor(String projection, long notificationId, Duration timeout) {
        if (applicationsByName.size() != 1) {
            throw new IllegalArgumentException("The deployment has " + applicationsByName.size()
                    + " applications " + applicationsByName.keySet() + "; say which log the notification id is in");
        }
        waitFor(projection, applicationsByName.keySet().iterator().next(), notificationId, timeout);
    }

    @Override
    public void waitFor(String projection, String application, long notificationId, Duration timeout) {
        worker(projection, application).waitFor(notificationId, timeout);
    }

    @Override
    public void waitForAll(String application, long notificationId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Worker worker : workers) {
            if (worker.upstream().equals(application)) {
                worker.waitFor(notificationId, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
        }
    }

    @Override
    public void waitUntilCaughtUp(Duration timeout) {
        CatchUp.await(workers, this::logEnds, this::prompt, timeout);
    }

    private void prompt(String upstream) {
        Dispatcher running = dispatcher;
        if (running != null) {
            running.prompt(upstream);
        }
    }

    // The last notification id of every application's log.
    private Map<String, Long> logEnds() {
        Map<String, Long> ends = new LinkedHashMap<>();
        applicationsByName.forEach((name, application) -> ends.put(name, application.recorder().maxNotificationId()));
        return ends;
    }

    @Override
    public List<ProjectionStatus> statuses() {
        return workers.stream().map(Worker::status).toList();
    }

    @Override
    public void catchUp() {
        Dispatcher running = dispatcher;
        if (running != null) {
            running.catchUp();
        }
    }

    private Worker worker(String projection, String application) {
        return workers.stream()
                .filter(w -> w.name().equals(projection) && w.upstream().equals(application))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No projection or process application '" + projection
                        + "' follows application '" + application + "'; readers: "
                        + workers.stream().map(Worker::name).distinct().toList() + ", logs followed: "
                        + workers.stream().map(Worker::upstream).distinct().toList()));
    }
}
