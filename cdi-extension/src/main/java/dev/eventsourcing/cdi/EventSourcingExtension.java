package dev.eventsourcing.cdi;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Repository;
import dev.eventsourcing.cdi.health.HealthChecks;
import dev.eventsourcing.cdi.health.HealthSettings;
import dev.eventsourcing.cdi.internal.ApplicationSpec;
import dev.eventsourcing.cdi.internal.BeanTypes;
import dev.eventsourcing.cdi.internal.ConfigSettings;
import dev.eventsourcing.cdi.internal.DcbBeans;
import dev.eventsourcing.cdi.internal.Discovery;
import dev.eventsourcing.cdi.internal.JpaWiring;
import dev.eventsourcing.cdi.internal.Messages;
import dev.eventsourcing.cdi.internal.OptionalApis;
import dev.eventsourcing.cdi.internal.Options;
import dev.eventsourcing.cdi.internal.RunningSystem;
import dev.eventsourcing.cdi.relay.RelaySettings;
import dev.eventsourcing.dcb.application.DcbApplication;
import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.dcb.domain.Perspective;
import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;
import dev.eventsourcing.system.MultiThreadedRunner;
import dev.eventsourcing.system.ParkedNotifications;
import dev.eventsourcing.system.Readers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.inject.Singleton;


/**
 * The CDI portable extension of event sourcing: it finds aggregates, applications and
 * projections while the container scans the deployment, makes applications and repositories
 * injectable, validates everything before the deployment starts, and then hands the running
 * system to an ordinary application-scoped bean. Registered through
 * {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}; with weld-junit, add it
 * explicitly.
 *
 * <p>What users write:
 * <pre>{@code
 * @Stateless public class Accounts {
 *     @Inject Application bank;                  // or a subclass of Application
 *     @Inject Repository<BankAccount> accounts;
 *     public UUID open(String name, String email) { var a = BankAccount.open(name, email); bank.save(a); return a.id(); }
 * }
 *
 * @Projection("balances")
 * public class Balances {
 *     void on(@Observes BankAccount.Deposited e, Notification n) { ... }
 * }
 * }</pre>
 *
 * <p>The running system's readers are injectable as {@link Readers} (status, waiting for
 * positions) and {@link ParkedNotifications} (list, retry, skip); the runner itself, with the
 * deployment's applications, as {@link MultiThreadedRunner}.
 *
 * <p>Topics: every application's mapper, and the mapper of every remote log a projection
 * follows, knows the deployment's aggregate classes with their events and the event classes it
 * contains or observes; a stored event of any other topic is parked by its readers. Two of these
 * classes with one topic, or a blank {@code @Topic}, fail the deployment.
 *
 * <p>Applications: each subclass of {@link Application} the deployment injects or contains
 * becomes a {@code @Singleton} bean, made through its constructor taking {@link Settings}; with
 * none, one default application (unless the deployment has only DCB applications) named by
 * {@code eventsourcing.application.name}
 * ({@code Application}) is injectable as {@code Application}. {@code Repository<A>} is injectable
 * for every aggregate class found: from the deployment's only application, or from the one that
 * declares a method returning {@code Repository<A>}. Subclasses of {@link Aggregate} and
 * {@link Application} are never beans themselves.
 *
 * <p>DCB applications: each subclass of {@link DcbApplication} the deployment injects or contains
 * becomes a {@code @Singleton} bean made through its constructor taking {@link Settings}, with its
 * {@code DcbRepository} (qualified {@link RepositoryOf} its class, and unqualified when it is the
 * only one); projections whose methods observe decision types follow every DCB application's
 * decisions through the runner.
 *
 * <p>Process applications: when the deployment produces an
 * {@link dev.eventsourcing.system.ApplicationSystem} bean, each follower in it follows its
 * leaders, run by the same runner as projections. Process applications and projections may also follow
 * the notification log of another deployment over HTTP, named by
 * {@code eventsourcing.<follower>.follow.<leader>.url}.
 *
 * <p>Configuration comes from MicroProfile Config, every key prefixed {@code eventsourcing.}:
 * the {@link Settings} keys ({@code eventsourcing.persistence.module}, {@code .compressor},
 * {@code .cipher.key}, {@code .snapshotting.interval}, {@code .cache.maxsize}, ..., each also
 * per application as {@code eventsourcing.<application name>.<key>}), and the extension's own:
 * {@code application.name}, {@code projection.dispatch}, {@code executor}, and for JPA
 * {@code jpa.transactions}; the runner's ({@link dev.eventsourcing.system.RunnerSettings}) and
 * jpa-store's keys likewise. See the module's README for the table of keys and defaults.
 *
 * <p>Health and metrics: where the server provides MicroProfile Health, a readiness check per
 * application and per reader and a liveness check of the workers are added
 * ({@link dev.eventsourcing.cdi.health}); where it provides an OpenTelemetry bean, applications
 * and readers record metrics to it ({@link dev.eventsourcing.cdi.metrics}). Without them, neither.
 *
 * <p>Problems are never thrown from these observers: they fail the deployment through the
 * container's definition-error and deployment-problem API, with messages that start with a
 * stable id ({@code ESCDI001} to {@code ESCDI025}).
 */
public class EventSourcingExtension implements Extension {

    private final Discovery discovery = new Discovery();
    private final OptionalApis apis;
    private Settings settings;
    private Discovery.Model model;
    private RunningSystem running;

    /** The extension, as the container makes it. */
    public EventSourcingExtension() {
        this(OptionalApis.ofExtension());
    }

    /** The extension, with the optional APIs (health, telemetry) it is to use only where present. */
    EventSourcingExtension(OptionalApis apis) {
        this.apis = apis;
    }

    void addRuntime(@Observes BeforeBeanDiscovery event) {
        // Added here, not scanned: the library jar is an extension archive, not a bean archive.
        event.addAnnotatedType(RunningSystem.class, RunningSystem.class.getName())
                .add(ApplicationScoped.Literal.INSTANCE);
        settings = ConfigSettings.load();
        JpaWiring.addContainerBeans(event, settings);
    }

    void aggregate(@Observes ProcessAnnotatedType<? extends Aggregate> event) {
        claim(event);
    }

    void application(@Observes ProcessAnnotatedType<? extends Application> event) {
        claim(event);
    }

    void dcbApplication(@Observes ProcessAnnotatedType<? extends DcbApplication> event) {
        claim(event);
    }

    // Event classes are no beans anyway (records have no constructor a container can call): only noted.
    @SuppressWarnings("rawtypes")
    void event(@Observes ProcessAnnotatedType<? extends AggregateEvent> event) {
        discovery.scannedEvent(event.getAnnotatedType().getJavaClass());
    }

    // Decisions and perspectives are noted for every DCB application's mapper, as events are for applications'.
    void decision(@Observes ProcessAnnotatedType<? extends Decision> event) {
        discovery.scannedDecision(event.getAnnotatedType().getJavaClass());
    }

    void perspective(@Observes ProcessAnnotatedType<? extends Perspective> event) {
        discovery.scannedPerspective(event.getAnnotatedType().getJavaClass());
    }

    private void claim(ProcessAnnotatedType<?> event) {
        Class<?> type = event.getAnnotatedType().getJavaClass();
        if (discovery.claims(type)) {
            discovery.scanned(type);
            event.veto();
        }
    }

    void projectionClass(@Observes @WithAnnotations(Projection.class) ProcessAnnotatedType<?> event) {
        if (Discovery.isProjection(event.getAnnotatedType().getJavaClass())) {
            // The runner calls projection methods itself, with tracking; the bus must not.
            var observers = discovery.projectionClass(event.getAnnotatedType());
            event.configureAnnotatedType()
                    .filterMethods(observers::contains)
                    .forEach(method -> method.params().forEach(parameter -> parameter.remove(
                            a -> a.annotationType() == Observes.class || a.annotationType() == ObservesAsync.class)));
        }
    }

    void injectionPoint(@Observes ProcessInjectionPoint<?, ?> event) {
        discovery.injectionPoint(event.getInjectionPoint());
    }

    void projectionBean(@Observes ProcessManagedBean<?> event) {
        if (Discovery.isProjection(event.getBean().getBeanClass())) {
            discovery.projectionBean(event.getBean());
        }
    }

    // Beans are recorded as the container announces them, because on some servers (Payara)
    // the bean manager the extension gets cannot look up beans of the WAR's own classes.
    void bean(@Observes ProcessBean<?> event) {
        discovery.bean(event.getBean());
    }

    void observer(@Observes ProcessObserverMethod<?, ?> event) {
        discovery.observer(event.getObserverMethod());
    }

    void addBeans(@Observes AfterBeanDiscovery event, BeanManager beanManager) {
        String defaultName;
        try {
            defaultName = Options.read(settings).applicationName();
        } catch (ConfigurationException e) {
            event.addDefinitionError(new DefinitionException(Messages.badConfiguration(e.getMessage())));
            return;
        }
        model = discovery.validate(defaultName);
        model.problems().forEach(problem -> event.addDefinitionError(new DefinitionException(problem)));
        boolean single = model.applications().size() == 1;
        for (ApplicationSpec spec : model.applications()) {
            Class<?> beanClass = spec.beanClass();
            event.addBean()
                    .beanClass(beanClass)
                    .types(BeanTypes.ofApplication(beanClass, single))
                    .scope(Singleton.class)
                    .produceWith(beans -> beans.select(RunningSystem.class).get().application(beanClass));
        }
        DcbBeans.add(event, model.dcbApplications());
        for (Class<? extends Aggregate> aggregate : model.owners().keySet()) {
            event.addBean()
                    .beanClass(Repository.class)
                    .types(BeanTypes.repository(aggregate), Object.class)
                    .scope(Dependent.class)
                    .produceWith(beans -> beans.select(RunningSystem.class).get().repository(aggregate));
        }
        // The settings every part of the deployment reads, so that modules beside the extension
        // (the event browser, say) read their keys with the same prefix and rules.
        Settings deploymentSettings = settings;
        event.addBean()
                .beanClass(Settings.class)
                .types(Settings.class, Object.class)
                .scope(Dependent.class)
                .produceWith(beans -> deploymentSettings);
        event.addBean()
                .beanClass(MultiThreadedRunner.class)
                .types(MultiThreadedRunner.class, Readers.class, ParkedNotifications.class, Object.class)
                .scope(Dependent.class)
                .produceWith(beans -> beans.select(RunningSystem.class).get().runner());
        if (apis.health() && model.problems().isEmpty()) {
            addHealthChecks(event, beanManager);
        }
    }

    private void addHealthChecks(AfterBeanDiscovery event, BeanManager beanManager) {
        try {
            HealthChecks.add(event, beanManager, model, HealthSettings.read(settings),
                    RelaySettings.readerNames(ConfigSettings.keys(), settings));
        } catch (ConfigurationException e) {
            event.addDefinitionError(new DefinitionException(Messages.badConfiguration(e.getMessage())));
        }
    }

    void start(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        if (model == null || !model.problems().isEmpty()) {
            return;
        }
        try {
            RunningSystem runtime = beanManager.createInstance().select(RunningSystem.class).get();
            running = runtime.start(model, settings, discovery.deployment(beanManager), apis);
        } catch (RuntimeException e) {
            event.addDeploymentProblem(new DeploymentException(Messages.startFailed(e), e));
        }
    }

    void stop(@Observes BeforeShutdown event) {
        // Usually stopped already, before the application context ended; this covers the rest.
        if (running != null) {
            running.stop();
            running = null;
        }
    }
}
