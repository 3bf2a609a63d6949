package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Repository;
import dev.eventsourcing.cdi.EventStoreContext;
import dev.eventsourcing.cdi.Projection;
import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;
import dev.eventsourcing.domain.Aggregates;
import dev.eventsourcing.persistence.EventTypes;
import dev.eventsourcing.system.ApplicationSystem;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ObserverMethod;

import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the extension finds while the container scans the deployment, and its validation.
 *
 * <p>Aggregates are found three ways, so that discovery works in "annotated" bean archives,
 * where a plain aggregate class is never scanned: as scanned subclasses of {@link Aggregate},
 * as the type argument of {@code Repository<A>} injection points, and as the aggregate of each
 * event type a projection observes. The deployment's domain classes are those aggregates with
 * their event classes, and the scanned or observed event classes: every application's mapper,
 * and the mapper of every remote log, knows them, and no two of them may share a topic. Applications are the scanned or injected subclasses of
 * {@link Application}; with none, the deployment gets one default application. Projections are
 * the beans annotated {@link Projection}; their observer methods are read from the scanned class
 * and then taken off the CDI event bus (their {@code @Observes} removed), because the runner
 * calls them itself, with tracking, and their extra parameters are not injection points. DCB
 * applications, their injection points and the decision types that projections observe are found
 * alongside ({@link DcbDiscovery}); a projection observes either events of aggregates or decisions.
 *
 * <p>Not thread-safe: the container calls extension observers from one thread.
 */
public final class Discovery {

    private final Set<Class<? extends Aggregate>> aggregates = new LinkedHashSet<>();
    private final Set<Class<?>> scannedEvents = new LinkedHashSet<>();
    private final Set<Class<? extends Application>> applications = new LinkedHashSet<>();
    private final Map<Class<?>, Bean<?>> projectionBeans = new LinkedHashMap<>();
    private final Map<Class<?>, List<ProjectionMethod>> projectionMethods = new LinkedHashMap<>();
    private final Set<Class<?>> observing = new LinkedHashSet<>();
    private final List<String> applicationInjectionPoints = new ArrayList<>();
    private final Map<String, Class<?>> repositoryInjectionPoints = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final DcbDiscovery dcb = new DcbDiscovery();
    private final List<Bean<?>> eventStoreContexts = new ArrayList<>();
    private final List<Bean<?>> systems = new ArrayList<>();
    private boolean plainObservers;
    private Class<?> injecting; // the class of the first bean that injects an application or a repository

    /** Whether the extension handles this class itself, so that the container must not make it a bean. */
    public boolean claims(Class<?> type) {
        return type != Application.class && (Aggregate.class.isAssignableFrom(type)
                || Application.class.isAssignableFrom(type) || DcbDiscovery.claims(type))
                && !type.getPackageName().equals(getClass().getPackageName());
    }

    /** Records a scanned subclass of Aggregate, Application or DcbApplication. */
    @SuppressWarnings("unchecked")
    public void scanned(Class<?> type) {
        if (Aggregate.class.isAssignableFrom(type)) {
            aggregates.add((Class<? extends Aggregate>) type);
        } else if (DcbDiscovery.claims(type)) {
            dcb.scanned(type);
        } else if (claims(type)) {
            applications.add((Class<? extends Application>) type);
        }
    }

    /** Records a scanned event class: a class or interface implementing AggregateEvent. */
    public void scannedEvent(Class<?> type) {
        scannedEvents.add(type);
    }

    /** Records a scanned decision class or interface, which every DCB application's mapper knows. */
    public void scannedDecision(Class<?> type) {
        dcb.scannedDecision(type);
    }

    /** Records a scanned perspective class, whose nested decisions every DCB application's mapper knows. */
    public void scannedPerspective(Class<?> type) {
        dcb.scannedPerspective(type);
    }

    /** Whether a bean class is a projection. */
    public static boolean isProjection(Class<?> beanClass) {
        return beanClass.isAnnotationPresent(Projection.class);
    }

    /** Records a projection bean. */
    public void projectionBean(Bean<?> bean) {
        projectionBeans.put(bean.getBeanClass(), bean);
        projectionMethods.computeIfAbsent(bean.getBeanClass(), c -> new ArrayList<>());
    }

    /**
     * Records the observer methods of a projection class, or the problems with them, and says
     * which methods they are, so that the extension can take them off the CDI event bus.
     */
    public List<AnnotatedMethod<?>> projectionClass(AnnotatedType<?> type) {
        List<AnnotatedMethod<?>> observers = new ArrayList<>();
        for (AnnotatedMethod<?> annotated : type.getMethods()) {
            AnnotatedParameter<?> event = ProjectionMethods.observedParameter(annotated);
            if (event != null) {
                observers.add(annotated);
                projectionObserver(type.getJavaClass(), annotated, event);
            }
        }
        return observers;
    }

    private void projectionObserver(Class<?> beanClass, AnnotatedMethod<?> annotated, AnnotatedParameter<?> event) {
        observing.add(beanClass);
        List<ProjectionMethod> methods = projectionMethods.computeIfAbsent(beanClass, c -> new ArrayList<>());
        ProjectionMethods.Reading reading = ProjectionMethods.read(annotated, event);
        if (reading.problem() != null) {
            problems.add(reading.problem());
            return;
        }
        if (!reading.method().decisions()) {
            event(reading.method().observed());
        }
        methods.add(reading.method());
    }

    /**
     * Records a bean the running system needs: the deployment's {@code @EventStoreContext}
     * entity manager (compared by name, so that this class loads without JPA) or its
     * {@link ApplicationSystem}.
     */
    public void bean(Bean<?> bean) {
        if (bean.getQualifiers().stream().anyMatch(q -> q.annotationType() == EventStoreContext.class)
                && bean.getTypes().stream().anyMatch(t -> t instanceof Class<?> c && c.getName().equals(JpaWiring.ENTITY_MANAGER))) {
            eventStoreContexts.add(bean);
        }
        if (bean.getTypes().contains(ApplicationSystem.class)) {
            systems.add(bean);
        }
    }

    /** Records an ordinary (non-projection) observer method, which may observe stored events. */
    public void observer(ObserverMethod<?> observer) {
        Class<?> observed = BeanTypes.rawType(observer.getObservedType());
        plainObservers |= observed != null && AggregateEvent.class.isAssignableFrom(observed);
    }

    /** The deployment as announced so far, for the running system. */
    public ContainerDeployment deployment(BeanManager beanManager) {
        return new ContainerDeployment(eventStoreContexts, systems, beanManager, plainObservers);
    }

    /** Records what an injection point asks for: a repository, an application, or neither. */
    public void injectionPoint(InjectionPoint injectionPoint) {
        Type type = injectionPoint.getType();
        Class<?> raw = BeanTypes.rawType(type);
        boolean dcbType = dcb.injectionPoint(injectionPoint, raw, describe(injectionPoint));
        if (injecting == null && injectionPoint.getBean() != null
                && (dcbType || raw == Repository.class || (raw != null && Application.class.isAssignableFrom(raw)))) {
            injecting = injectionPoint.getBean().getBeanClass();
        }
        if (dcbType) {
            return;
        }
        if (raw == Repository.class) {
            Type argument = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : null;
            if (argument instanceof Class<?> aggregate && Aggregate.class.isAssignableFrom(aggregate)) {
                aggregates.add(aggregate.asSubclass(Aggregate.class));
                repositoryInjectionPoints.put(describe(injectionPoint), aggregate);
            } else {
                problems.add(Messages.repositoryWithoutAggregate(describe(injectionPoint), type.getTypeName()));
            }
        } else if (raw == Application.class) {
            applicationInjectionPoints.add(describe(injectionPoint));
        } else if (raw != null && claims(raw) && Application.class.isAssignableFrom(raw)) {
            applications.add(raw.asSubclass(Application.class));
        }
    }

    private void event(Class<?> observed) {
        if (observed.isInterface() || Modifier.isAbstract(observed.getModifiers())) {
            try {
                aggregates.add(Aggregates.aggregateTypeOf(observed));
            } catch (IllegalArgumentException e) {
                // AggregateEvent itself, or an interface shared by several aggregates: nothing to add.
            }
            return;
        }
        try {
            aggregates.add(Aggregates.aggregateTypeOf(observed));
        } catch (IllegalArgumentException e) {
            problems.add(Messages.eventNotSerialisable(observed, e.getMessage()));
        }
    }

    /**
     * Validates what was found and says what to register.
     *
     * @param defaultApplicationName the name of the default application, if one is needed
     */
    public Model validate(String defaultApplicationName) {
        List<String> found = new ArrayList<>(problems);
        Set<Class<?>> events = new LinkedHashSet<>();
        for (Class<? extends Aggregate> aggregate : aggregates) {
            if (!Modifier.isAbstract(aggregate.getModifiers()) && !hasNoArgumentConstructor(aggregate)) {
                found.add(Messages.aggregateNotConstructible(aggregate));
            }
            events.addAll(EventTypes.of(aggregate));
        }
        projectionMethods.values().forEach(methods -> methods.stream().filter(method -> !method.decisions())
                .map(ProjectionMethod::observed)
                .filter(type -> !type.isInterface() && !Modifier.isAbstract(type.getModifiers())).forEach(events::add));
        Set<Class<?>> decisions = new LinkedHashSet<>();
        projectionMethods.values().forEach(methods -> methods.stream().filter(ProjectionMethod::decisions)
                .map(ProjectionMethod::observed).forEach(decisions::add));
        found.addAll(DcbDiscovery.problemsOf(decisions, dcb.scannedDecisions()));
        decisions.addAll(dcb.scannedDecisions());
        for (Class<?> event : events) {
            EventTypes.problemOf(event).ifPresent(reason -> found.add(Messages.eventNotSerialisable(event, reason)));
        }
        Set<Class<?>> domainClasses = new LinkedHashSet<>(aggregates);
        domainClasses.addAll(events);
        scannedEvents.stream().filter(type -> !type.isInterface() && !Modifier.isAbstract(type.getModifiers()))
                .forEach(domainClasses::add);
        found.addAll(Topics.problemsOf(domainClasses));
        List<DcbSpec> dcbSpecs = dcb.specs(found);
        List<ApplicationSpec> specs = applicationSpecs(defaultApplicationName, found, !dcbSpecs.isEmpty());
        List<BeanProjection> projections = new ArrayList<>();
        List<BeanDcbProjection> dcbProjections = new ArrayList<>();
        projections(found, projections, dcbProjections, !dcbSpecs.isEmpty());
        repositoryInjectionPoints.forEach((injectionPoint, aggregate) -> {
            int owners = RepositoryOwners.candidates(aggregate, specs).size();
            if (owners != 1) {
                found.add(Messages.repositoryOwner(injectionPoint, aggregate, owners, names(specs)));
            }
        });
        return new Model(List.copyOf(aggregates), List.copyOf(domainClasses), specs,
                RepositoryOwners.of(List.copyOf(aggregates), specs), projections, dcbSpecs, dcbProjections,
                List.copyOf(decisions), dcb.perspectives(), found, anchor(specs, dcbSpecs, projections));
    }

    private List<ApplicationSpec> applicationSpecs(String defaultApplicationName, List<String> found,
                                                   boolean dcbApplications) {
        List<ApplicationSpec> specs = new ArrayList<>();
        for (Class<? extends Application> type : applications) {
            ApplicationSpec.problemOf(type).ifPresentOrElse(found::add, () -> specs.add(ApplicationSpec.of(type)));
        }
        if (applications.isEmpty() && !(dcbApplications && nothingOfAggregates())) {
            specs.add(ApplicationSpec.defaultApplication(defaultApplicationName));
        }
        if (applications.size() > 1) {
            applicationInjectionPoints.forEach(ip -> found.add(Messages.ambiguousApplication(ip, names(specs))));
        }
        return specs;
    }

    // A deployment of DCB applications only gets no default application: nothing would use it.
    private boolean nothingOfAggregates() {
        return aggregates.isEmpty() && scannedEvents.isEmpty() && applicationInjectionPoints.isEmpty()
                && repositoryInjectionPoints.isEmpty() && !plainObservers
                && projectionMethods.values().stream().flatMap(List::stream).allMatch(ProjectionMethod::decisions);
    }

    private static String names(List<ApplicationSpec> specs) {
        return specs.stream().map(spec -> spec.beanClass().getSimpleName()).sorted().toList().toString();
    }

    private void projections(List<String> found, List<BeanProjection> definitions,
                             List<BeanDcbProjection> dcbDefinitions, boolean dcbApplications) {
        Map<String, Class<?>> names = new LinkedHashMap<>();
        for (Bean<?> bean : projectionBeans.values()) {
            Class<?> type = bean.getBeanClass();
            String name = type.getAnnotation(Projection.class).value().trim();
            if (name.isEmpty()) {
                found.add(Messages.blankProjectionName(type));
                continue;
            }
            Class<?> previous = names.putIfAbsent(name, type);
            if (previous != null) {
                found.add(Messages.duplicateProjection(name, previous, type));
                continue;
            }
            String scope = bean.getScope().getName();
            if (!scope.equals("jakarta.enterprise.context.ApplicationScoped") && !scope.equals("jakarta.inject.Singleton")) {
                found.add(Messages.unsupportedScope(type, "@" + bean.getScope().getSimpleName()));
                continue;
            }
            List<ProjectionMethod> methods = new ArrayList<>(projectionMethods.getOrDefault(type, List.of()));
            if (!observing.contains(type)) {
                found.add(Messages.projectionWithoutObservers(type));
                continue;
            }
            if (methods.isEmpty()) {
                continue; // each of its methods has a problem reported already
            }
            methods.sort(Comparator.comparing((ProjectionMethod m) -> m.method().getName())
                    .thenComparing(m -> Arrays.toString(m.method().getParameterTypes())));
            var policy = type.getAnnotation(Projection.class).failurePolicy();
            long decisionMethods = methods.stream().filter(ProjectionMethod::decisions).count();
            if (decisionMethods == 0) {
                definitions.add(new BeanProjection(name, bean, methods, policy, null));
            } else if (decisionMethods < methods.size()) {
                found.add(Messages.eventsAndDecisions(type));
            } else if (!dcbApplications) {
                found.add(Messages.decisionsWithoutApplication(type));
            } else {
                dcbDefinitions.add(new BeanDcbProjection(name, bean, methods, policy, null));
            }
        }
    }

    private static boolean hasNoArgumentConstructor(Class<?> type) {
        try {
            type.getDeclaredConstructor();
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static String describe(InjectionPoint injectionPoint) {
        if (injectionPoint.getMember() == null) {
            return String.valueOf(injectionPoint);
        }
        return injectionPoint.getMember().getDeclaringClass().getName() + "." + injectionPoint.getMember().getName();
    }

    // A class of the deployment's own: an application subclass, a projection, or a bean that injects one.
    private Class<?> anchor(List<ApplicationSpec> specs, List<DcbSpec> dcbSpecs, List<BeanProjection> projections) {
        return specs.stream().<Class<?>>map(ApplicationSpec::beanClass).filter(type -> type != Application.class)
                .findFirst()
                .or(() -> dcbSpecs.stream().<Class<?>>map(DcbSpec::type).findFirst())
                .or(() -> projections.stream().<Class<?>>map(projection -> projection.bean().getBeanClass()).findFirst())
                .orElse(injecting);
    }

    /**
     * The validated deployment: what to register and start, and the problems that stop it.
     *
     * @param aggregates    the aggregate classes found
     * @param domainClasses the aggregate and event classes, which every mapper of the deployment knows
     * @param owners        the application of each aggregate class that has one, whose
     *                      {@code Repository<A>} becomes a bean (see {@link RepositoryOwners})
     * @param dcbApplications the DCB applications, each a bean with its {@code DcbRepository}
     * @param dcbProjections  the projections that observe decisions, each following every DCB application
     * @param decisionTypes   the decision classes and interfaces the projections observe or the
     *                        deployment contains, which every DCB application's mapper knows
     * @param perspectives    the perspective classes the deployment contains, whose nested
     *                        decisions every DCB application's mapper knows
     * @param anchor        a class of the deployment's own (an application subclass, a projection,
     *                      or a bean injecting one), or {@code null}: beans added with it as their
     *                      class belong to the deployment's bean archive, which the server's own
     *                      extensions (MicroProfile Health) see
     */
    public record Model(List<Class<? extends Aggregate>> aggregates, List<Class<?>> domainClasses,
                        List<ApplicationSpec> applications,
                        Map<Class<? extends Aggregate>, ApplicationSpec> owners,
                        List<BeanProjection> projections, List<DcbSpec> dcbApplications,
                        List<BeanDcbProjection> dcbProjections, List<Class<?>> decisionTypes,
                        List<Class<?>> perspectives, List<String> problems, Class<?> anchor) {

        /** The names of the projection beans found, of events and of decisions. */
        public List<String> projectionNames() {
            return Stream.concat(projections.stream().map(BeanProjection::name),
                    dcbProjections.stream().map(BeanDcbProjection::name)).toList();
        }
    }
}
