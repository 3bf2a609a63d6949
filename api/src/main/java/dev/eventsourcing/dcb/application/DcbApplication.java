package dev.eventsourcing.dcb.application;

import dev.eventsourcing.MetricsListener;
import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Environment;
import dev.eventsourcing.dcb.DcbRecorder;
import dev.eventsourcing.dcb.domain.Perspective;
import dev.eventsourcing.dcb.domain.Slice;
import dev.eventsourcing.persistence.Infrastructure;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.Transactions;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * An application of dynamic consistency boundaries: its decisions are stored in a
 * {@link DcbRecorder}, read and saved through its {@linkplain #repository() repository}, and its
 * commands are {@link Slice}s it {@linkplain #execute executes} or perspectives it
 * {@linkplain #evaluate evaluates}.
 *
 * <pre>{@code
 * public class Courses extends DcbApplication {
 *     public Courses(Settings settings) { super(settings); }
 *
 *     protected Set<Class<?>> domainClasses() { return Set.of(CourseDecision.class); }
 * }
 *
 * var courses = new Courses(Settings.empty());
 * long position = courses.execute(new JoinCourse(courseId, studentId));
 * }</pre>
 *
 * <p>It is made as an {@link dev.eventsourcing.application.Application} is: from a name and
 * {@link Settings} read scoped to that name; its infrastructure comes from the {@link Environment}
 * it is given (a container's), or else from the backend the settings name
 * ({@value Settings#PERSISTENCE_MODULE}, in memory by default), whose
 * {@link InfrastructureFactory#dcbRecorder()} stores its decisions. Its mapper is built from the
 * settings as an application's (compression, encryption, decoding limits; see
 * {@link Mapper#builder(Settings)}) and bound to its name. The {@code construct…} hooks make its
 * collaborators and may be overridden; they run during construction, so overrides must not rely on
 * the subclass's own fields. Thread-safe: one application serves many threads.
 */
public class DcbApplication implements AutoCloseable {

    private final String givenName;
    private final String name;
    private final Settings settings;
    private final MetricsListener metrics;
    private final Infrastructure infrastructure;
    private final InfrastructureFactory factory;
    private final DcbMapper mapper;
    private final DcbRecorder recorder;
    private final DcbRepository repository;
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();

    /** An application with default settings: in-memory store, no compression, no encryption. */
    public DcbApplication() {
        this(Settings.empty());
    }

    /**
     * An application configured by the given settings, named by its class's simple name.
     *
     * @param settings the settings, read scoped to the application's name; not null
     * @throws dev.eventsourcing.ConfigurationException when a setting is malformed, or the backend
     *         keeps no DCB recorder
     */
    public DcbApplication(Settings settings) {
        this(null, settings);
    }

    /**
     * An application with the given name, configured by the settings.
     *
     * @param name     the application's name; {@code null} for its class's simple name
     * @param settings the settings, read scoped to the application's name; not null
     * @throws dev.eventsourcing.ConfigurationException when a setting is malformed, or the backend
     *         keeps no DCB recorder
     */
    public DcbApplication(String name, Settings settings) {
        this.givenName = name;
        this.name = Objects.requireNonNull(name(), "name()");
        this.settings = Objects.requireNonNull(settings, "settings").scoped(this.name);
        this.metrics = settings instanceof Environment environment ? environment.metrics() : MetricsListener.NONE;
        this.infrastructure = settings instanceof Environment environment ? environment.infrastructure()
                : Infrastructure.FROM_SETTINGS;
        this.factory = constructFactory(this.settings);
        this.mapper = constructMapper(factory);
        this.recorder = constructRecorder(factory);
        this.repository = new DcbRepository(recorder, mapper, this::appended);
    }

    /**
     * The application's name: the one given to the constructor, else its class's simple name,
     * unless overridden. Must be constant.
     *
     * @return the name, which scopes its settings and binds its encrypted data
     */
    public String name() {
        return givenName != null ? givenName : getClass().getSimpleName();
    }

    /**
     * Makes the infrastructure factory: from the {@link Environment} the application was given,
     * else the backend the settings name.
     *
     * @param settings the application's settings, already scoped to its name
     * @return the factory of the application's recorder and mapper
     */
    protected InfrastructureFactory constructFactory(Settings settings) {
        return infrastructure.factory(name, settings);
    }

    /**
     * Makes the mapper from the factory's mapper builder, with the {@link #domainClasses()}
     * declared; override {@link #configureMapper} to register old topics or upcasters.
     *
     * @param factory the factory made by {@link #constructFactory}
     * @return the application's DCB mapper
     */
    protected DcbMapper constructMapper(InfrastructureFactory factory) {
        Mapper.Builder builder = factory.mapperBuilder().declare(domainClasses());
        configureMapper(builder);
        return new DcbMapper(builder.build());
    }

    /**
     * The classes whose stored decisions this application reads: decision classes, or sealed
     * decision interfaces, which bring the classes they permit. A stored type reads only as a class
     * the mapper knows; besides these it knows the decision classes nested in the perspectives it
     * reads, those named by selectors, and those it has written. Empty by default.
     *
     * @return the decision classes to declare to the mapper
     */
    protected Set<Class<?>> domainClasses() {
        return Set.of();
    }

    /**
     * Registers old topics, upcasters or Jackson modules on the mapper. Does nothing by default.
     *
     * @param builder the mapper's builder, with the domain classes declared already
     */
    protected void configureMapper(Mapper.Builder builder) {
    }

    /**
     * Makes the recorder of the application's decisions.
     *
     * @param factory the factory made by {@link #constructFactory}
     * @return the factory's DCB recorder
     */
    protected DcbRecorder constructRecorder(InfrastructureFactory factory) {
        return factory.dcbRecorder();
    }

    /**
     * Executes a command: brings the slice up to date, executes it, and saves what it triggered on
     * the condition that nothing in its boundary changed since it was read.
     *
     * @param slice a new slice
     * @return the position of the last decision saved; without new decisions, the position the
     *         slice read up to
     * @throws dev.eventsourcing.dcb.DcbConditionFailedException when a decision in the slice's
     *         boundary was stored meanwhile; nothing is saved, and the command may be run again on a
     *         new slice
     * @throws RuntimeException what the slice's {@code execute} threw to refuse; nothing is saved
     */
    public long execute(Slice slice) {
        repository.advance(slice);
        slice.execute();
        return repository.save(slice);
    }

    /**
     * Brings a perspective up to date with the store, for a query.
     *
     * @param perspective the perspective, e.g. a slice whose projection answers the query
     * @param <P>         its type
     * @return the same perspective
     */
    public <P extends Perspective> P evaluate(P perspective) {
        return repository.advance(perspective);
    }

    /**
     * Calls {@code listener} with the position of the last decision of every later save, in the
     * saving thread, right after the append; inside the caller's transaction, if there is one.
     * Runners use this to prompt the readers that follow the application.
     *
     * @param listener told the position of each save's last decision; not null
     */
    public void addAppendListener(LongConsumer listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void appended(int decisions, long nanos, long position) {
        metrics.appended(name, decisions, Duration.ofNanos(nanos));
        listeners.forEach(listener -> listener.accept(position));
    }

    /** @return the repository that reads and saves the application's perspectives */
    public DcbRepository repository() {
        return repository;
    }

    /** @return the recorder of the application's decisions */
    public DcbRecorder recorder() {
        return recorder;
    }

    /** @return the mapper between decisions and stored events */
    public DcbMapper mapper() {
        return mapper;
    }

    /** @return the settings, scoped to this application's name */
    public Settings settings() {
        return settings;
    }

    /**
     * The transactions of the application's backend: a runner defers prompting readers with
     * {@link Transactions#afterCommit} until an append's transaction has committed.
     *
     * @return the backend's transactions
     */
    public Transactions transactions() {
        return factory.transactions();
    }

    /** Releases the infrastructure's resources. */
    @Override
    public void close() {
        factory.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[name=" + name + "]";
    }
}
