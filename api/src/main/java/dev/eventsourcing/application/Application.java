package dev.eventsourcing.application;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.MetricsListener;
import dev.eventsourcing.Settings;
import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.Aggregates;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.EventStore;
import dev.eventsourcing.persistence.Infrastructure;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.Recording;
import dev.eventsourcing.persistence.SubjectKeyRecorder;
import dev.eventsourcing.persistence.Tracking;
import dev.eventsourcing.persistence.Transactions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An event-sourced application: saves aggregates' new events atomically, gets aggregates back
 * through {@linkplain #repository(Class) repositories}, takes snapshots, and exposes its
 * {@linkplain #notificationLog() notification log} to followers.
 *
 * <pre>{@code
 * var bank = new Application();                 // in-memory store, no configuration
 * var account = BankAccount.open("Alice", "alice@example.com");
 * bank.save(account);
 * var again = bank.repository(BankAccount.class).get(account.id());
 * }</pre>
 *
 * <p>Its collaborators are made by {@code construct…} hooks that subclasses may override; they
 * run during construction, so overrides must not rely on the subclass's own fields. Settings
 * are read through {@link Settings#scoped(String)} with the application's {@link #name()}; see
 * {@link Settings} for the keys. Thread-safe: one application serves many threads.
 */
public class Application implements AutoCloseable {

    /** How long a command waits for an aggregate's lock by default, in milliseconds. */
    private static final int DEFAULT_LOCK_MAX_WAIT_MILLIS = 5000;

    private final String givenName;
    private final String name;
    private final Infrastructure infrastructure;
    private final MetricsListener metrics;
    private final Settings settings;
    private final InfrastructureFactory factory;
    private final Mapper mapper;
    private final ApplicationRecorder recorder;
    private final EventStore events;
    private final EventStore snapshots;
    private final Snapshotting snapshotting;
    private final AggregateCache cache;
    private final boolean cacheFastForward;
    private final NotificationLog notificationLog;
    private final AggregateLocks locks;
    private final Map<Class<?>, Repository<?>> repositories = new ConcurrentHashMap<>();
    private final List<Consumer<List<Recording>>> listeners = new CopyOnWriteArrayList<>();

    /** An application with default settings: in-memory store, no snapshots, no cache. */
    public Application() {
        this(Settings.empty());
    }

    /**
     * An application configured by the given settings (see {@link Settings} for the keys). Its
     * infrastructure is the one an {@link Environment} carries, or else the backend the settings name.
     *
     * @param settings the settings, read scoped to the application's name; not null
     * @throws dev.eventsourcing.ConfigurationException when a setting is malformed
     */
    public Application(Settings settings) {
        this(null, settings);
    }

    /**
     * An application with the given name (instead of its class's simple name), configured by the
     * settings: for applications that are instances of a class shared by several, such as a
     * container's default application.
     *
     * @param name the application's name; {@code null} for its class's simple name
     * @param settings the settings, read scoped to the application's name; not null
     * @throws dev.eventsourcing.ConfigurationException when a setting is malformed
     */
    public Application(String name, Settings settings) {
        this.givenName = name;
        this.name = Objects.requireNonNull(name(), "name()");
        this.settings = Objects.requireNonNull(settings, "settings").scoped(this.name);
        this.infrastructure = Environment.infrastructureOf(settings);
        this.metrics = Environment.metricsOf(settings);
        this.factory = constructFactory(this.settings);
        this.mapper = constructMapper(factory);
        this.recorder = constructRecorder(factory);
        this.events = new EventStore(mapper, recorder);
        this.snapshotting = new Snapshotting(snapshottingIntervals(), this.settings);
        AggregateRecorder snapshotRecorder = snapshotting.enabled() ? factory.snapshotRecorder() : null;
        this.snapshots = snapshotRecorder == null ? null : new EventStore(mapper, snapshotRecorder);
        int cacheSize = this.settings.getInt(Settings.CACHE_MAXSIZE, 0);
        this.cache = cacheSize > 0 ? new AggregateCache(cacheSize) : null;
        this.cacheFastForward = this.settings.getBoolean(Settings.CACHE_FASTFORWARD, true);
        this.locks = aggregateLocks(this.settings);
        this.notificationLog = new LocalNotificationLog(recorder,
                this.settings.getInt(Settings.SECTION_SIZE, NotificationLog.DEFAULT_SECTION_SIZE), mapper,
                sectionTransactions(factory));
    }

    // A backend whose recorders join transactions it cannot begin itself (JTA without the
    // container's transactions) reads each section as its recorder's calls make it.
    private static Transactions sectionTransactions(InfrastructureFactory factory) {
        try {
            return factory.transactions();
        } catch (UnsupportedOperationException e) {
            return Transactions.NONE;
        }
    }

    /**
     * The application's name: the one given to the constructor, else its class's simple name,
     * unless overridden. Must be constant.
     *
     * @return the name, which scopes its settings and names it to followers
     */
    public String name() {
        return givenName != null ? givenName : getClass().getSimpleName();
    }

    private static AggregateLocks aggregateLocks(Settings settings) {
        if (!settings.getBoolean(Settings.AGGREGATE_LOCK_ENABLED, true)) {
            return null;
        }
        int maxWait = settings.getInt(Settings.AGGREGATE_LOCK_MAX_WAIT, DEFAULT_LOCK_MAX_WAIT_MILLIS);
        if (maxWait < 0) {
            throw new ConfigurationException("Setting '" + Settings.AGGREGATE_LOCK_MAX_WAIT
                    + "' must be a number of milliseconds from 0, was " + maxWait);
        }
        return new AggregateLocks(Duration.ofMillis(maxWait));
    }

    /**
     * Makes the infrastructure factory: from the {@link Environment} the application was given,
     * else the backend the settings name.
     *
     * @param settings the application's settings, already scoped to its name
     * @return the factory of every recorder the application uses
     */
    protected InfrastructureFactory constructFactory(Settings settings) {
        return infrastructure.factory(name, settings);
    }

    /**
     * Makes the mapper, which knows the {@link #domainClasses()} and the library's own
     * {@link Shredding}; override {@link #configureMapper} to register topics or upcasters.
     *
     * @param factory the factory made by {@link #constructFactory}
     * @return the application's mapper
     */
    protected Mapper constructMapper(InfrastructureFactory factory) {
        Mapper.Builder builder = factory.mapperBuilder().declare(Shredding.class).declare(domainClasses());
        configureMapper(builder);
        return builder.build();
    }

    /**
     * The classes whose stored events this application reads: its aggregate classes (each
     * brings its event classes and snapshots), and for a process application the aggregate or
     * event classes of the leaders it follows. A stored event reads only as a class its mapper
     * knows, never as a class looked up by its topic; besides these, the mapper knows the
     * aggregate classes of the {@linkplain #repository repositories} asked for and every class
     * it has written. Override it, e.g. {@code return Set.of(Dog.class);}, so that events read
     * from the first moment, also in readers that start before anything is saved. Empty by default.
     *
     * @return the aggregate and event classes to declare to the mapper
     */
    protected Set<Class<?>> domainClasses() {
        return Set.of();
    }

    /**
     * Registers renamed topics, upcasters or Jackson modules on the mapper, or declares more
     * classes ({@link Mapper.Builder#declare}). Does nothing by default.
     *
     * @param builder the mapper's builder, with the domain classes declared already
     */
    protected void configureMapper(Mapper.Builder builder) {
    }

    /**
     * Makes the recorder of the application's events and notification log.
     *
     * @param factory the factory made by {@link #constructFactory}
     * @return the recorder; a process application's must be a
     *         {@link dev.eventsourcing.persistence.ProcessRecorder}
     */
    protected ApplicationRecorder constructRecorder(InfrastructureFactory factory) {
        return factory.applicationRecorder();
    }

    /**
     * Snapshot intervals per aggregate class: a snapshot is taken whenever a save brings an
     * aggregate of that class to a multiple of its interval. Settings may add or override
     * intervals. Empty by default.
     *
     * @return the number of versions between snapshots, by aggregate class
     */
    protected Map<Class<? extends Aggregate>, Integer> snapshottingIntervals() {
        return Map.of();
    }

    /**
     * Saves the new events of the given aggregates atomically: all of them or none.
     *
     * @param aggregates the aggregates whose pending events to save; null elements are skipped
     * @return a recording per stored event, in order, with its notification id; empty when no
     *         aggregate had new events
     * @throws dev.eventsourcing.persistence.IntegrityException when another writer saved a
     *         version of one of the aggregates first; nothing is stored then, and the aggregates
     *         should be got again before retrying the command
     */
    public List<Recording> save(Aggregate... aggregates) {
        return save(null, aggregates);
    }

    /**
     * Saves the new events of the given aggregates and, when {@code tracking} is given, the
     * upstream position that caused them, atomically: what process applications do. A position
     * with no new events is recorded too, so that the notification is not processed again.
     *
     * @param tracking the upstream position processed, or {@code null} for none
     * @param aggregates the aggregates whose pending events to save; null elements are skipped
     * @return a recording per stored event, in order, with its notification id; empty when no
     *         aggregate had new events
     * @throws dev.eventsourcing.persistence.IntegrityException when a version or the position is
     *         taken already; nothing is stored then
     */
    protected List<Recording> save(Tracking tracking, Aggregate... aggregates) {
        List<Aggregate> saved = new ArrayList<>();
        List<DomainEvent<?>> pending = new ArrayList<>();
        for (Aggregate aggregate : aggregates) {
            if (aggregate != null) {
                saved.add(aggregate);
                pending.addAll(aggregate.collectEvents());
            }
        }
        if (pending.isEmpty() && tracking == null) {
            return List.of();
        }
        long began = System.nanoTime();
        List<Recording> recordings = events.put(pending, tracking);
        metrics.appended(name, pending.size(), Duration.ofNanos(System.nanoTime() - began));
        for (Aggregate aggregate : saved) {
            repositories.values().forEach(repository -> {
                if (repository.aggregateType().isInstance(aggregate)) {
                    repository.saved(aggregate);
                }
            });
        }
        takeDueSnapshots(saved, pending);
        if (!recordings.isEmpty()) {
            listeners.forEach(listener -> listener.accept(recordings));
        }
        return recordings;
    }

    /**
     * Runs a command on one aggregate: gets it, lets the command change it, and saves it, while
     * holding the aggregate's lock in this JVM, so that concurrent commands on the same
     * aggregate queue instead of conflicting. Inside a transaction the lock is the
     * transaction's, held until it ends (see {@link Repository#get(UUID)}), and the save joins
     * it; outside one it is held until the save has returned (committed), which is what plain
     * Java callers use. With {@value Settings#AGGREGATE_LOCK_ENABLED} off, the same steps run
     * without a lock.
     *
     * @param <A> the aggregate type
     * @param type the aggregate's class; not null
     * @param id the aggregate's id; not null
     * @param command what to do to the aggregate, usually calling one of its command methods; not null
     * @return the aggregate after the command, saved
     * @throws AggregateNotFoundException when no aggregate of this type has that id
     * @throws IntegrityException when a writer that does not share the lock (another node, or one
     *         that waited longer than {@value Settings#AGGREGATE_LOCK_MAX_WAIT}) saved a version
     *         first; nothing is stored then
     */
    public <A extends Aggregate> A update(Class<A> type, UUID id, Consumer<? super A> command) {
        Objects.requireNonNull(command, "command");
        Repository<A> repository = repository(type);
        Supplier<A> update = () -> {
            A aggregate = repository.get(id);
            command.accept(aggregate);
            save(aggregate);
            return aggregate;
        };
        return locks == null || transactions().transactionKey() != null ? update.get()
                : locks.whileLocked(Objects.requireNonNull(id, "id"), update);
    }

    /**
     * Calls {@code listener} with the recordings of every later save that stored events, in the
     * saving thread, right after the events were recorded. When the caller runs a transaction
     * (in a container), the listener runs inside it, before commit: a listener that needs the
     * events to be committed must defer its work until then. Runners use this to prompt
     * followers.
     *
     * @param listener called with the recordings of each save; not null
     */
    public void addRecordingListener(Consumer<List<Recording>> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void takeDueSnapshots(List<Aggregate> saved, List<DomainEvent<?>> pending) {
        if (snapshots == null) {
            return;
        }
        for (Aggregate aggregate : saved) {
            if (snapshotting.isDue(aggregate, pending)) {
                putSnapshot(aggregate);
            }
        }
    }

    private void putSnapshot(Aggregate aggregate) {
        try {
            snapshots.put(List.of(Aggregates.snapshotOf(aggregate)));
        } catch (IntegrityException e) {
            // A snapshot of this version exists already (taken by another thread or node): the
            // state at a version never changes, so the one stored is as good as this one.
        }
    }

    /**
     * Shreds a subject's personal data: deletes the subject's key, so that every event that
     * carried its personal data (see {@link dev.eventsourcing.domain.PersonalData}), and every
     * snapshot of an aggregate that is the subject, can never be read again; and records a
     * {@link Shredding} in the notification log, in the same transaction (the caller's, or else
     * a new one), so that every projection erases what it holds of the subject, in log order.
     * The subject's other events stay readable. A subject that has no key yet is recorded as
     * shredded all the same, and none is made for it later.
     *
     * <p>Afterwards, getting an aggregate that has such an event fails with a
     * {@link dev.eventsourcing.persistence.ShreddedException}, as does saving new personal data
     * of the subject; readers of the log receive such events as
     * {@link dev.eventsourcing.projection.ShreddedEvent}s.
     *
     * @param subject the subject's id; not null
     * @return true when this call shredded the subject; false when it was shredded already,
     *         and nothing was done
     * @throws IllegalStateException when the application's mapper keeps no subject keys
     */
    public boolean shred(UUID subject) {
        Objects.requireNonNull(subject, "subject");
        SubjectKeyRecorder keys = mapper.subjectKeyRecorder().orElseThrow(() -> new IllegalStateException(
                "Cannot shred subject " + subject + ": the mapper of application '" + name + "' keeps no subject keys"));
        Transactions transactions = transactions();
        return transactions.active() ? shred(keys, subject)
                : transactions.inNewTransaction(unitOfWork -> shred(keys, subject));
    }

    private boolean shred(SubjectKeyRecorder keys, UUID subject) {
        if (!keys.shred(subject, Instant.now())) {
            return false;
        }
        save(Shredding.of(subject));
        return true;
    }

    /**
     * The repository of one aggregate type; {@code repository(Aggregate.class)} gets aggregates
     * of every type. The aggregate class, with its event classes, becomes known to the mapper.
     *
     * @param <A> the aggregate type
     * @param type the aggregate class; not null
     * @return the repository, the same one for every call with the same type
     */
    @SuppressWarnings("unchecked")
    public <A extends Aggregate> Repository<A> repository(Class<A> type) {
        return (Repository<A>) repositories.computeIfAbsent(type, t -> {
            mapper.declare(type);
            return new Repository<>(type, events, snapshots, cache, cacheFastForward, factory.transactions(), locks);
        });
    }

    /**
     * Takes a snapshot of an aggregate at its latest version, or at {@code version} when given.
     * Taking a snapshot of a version that has one already changes nothing.
     *
     * @param id the aggregate's id
     * @param version the version to take it at, from 1; {@code null} for the latest
     * @throws IllegalStateException      when the application keeps no snapshots
     * @throws AggregateNotFoundException when there is no such aggregate or version
     */
    public void takeSnapshot(UUID id, Long version) {
        if (snapshots == null) {
            throw new IllegalStateException("Cannot take a snapshot: application '" + name + "' keeps no snapshots;"
                    + " set '" + Settings.SNAPSHOTTING_ENABLED + "' to true or configure a snapshotting interval");
        }
        Repository<Aggregate> any = repository(Aggregate.class);
        putSnapshot(version == null ? any.get(id) : any.get(id, version));
    }

    /**
     * Takes a snapshot of an aggregate at its latest version.
     *
     * @param id the aggregate's id
     * @throws IllegalStateException      when the application keeps no snapshots
     * @throws AggregateNotFoundException when there is no such aggregate
     */
    public void takeSnapshot(UUID id) {
        takeSnapshot(id, null);
    }

    /**
     * Forgets every cached aggregate, so that the next get reads the store: for a store emptied
     * or changed behind the application's back, as tests do between cases. Does nothing when the
     * application keeps no cache ({@value Settings#CACHE_MAXSIZE}).
     */
    public void clearCache() {
        if (cache != null) {
            cache.clear();
        }
    }

    /** @return the application's notification log */
    public NotificationLog notificationLog() {
        return notificationLog;
    }

    /** @return the store of the application's events */
    public EventStore events() {
        return events;
    }

    /** @return the store of the application's snapshots, or {@code null} when it keeps none */
    public EventStore snapshots() {
        return snapshots;
    }

    /** @return the recorder of the application's events and notification log */
    public ApplicationRecorder recorder() {
        return recorder;
    }

    /**
     * The transactions of the application's backend: a runner defers prompting readers with
     * {@link Transactions#afterCommit} until a save's transaction has committed.
     *
     * @return the backend's transactions
     */
    public Transactions transactions() {
        return factory.transactions();
    }

    /** The factory of the application's infrastructure, for maintenance such as {@link Reencryption}. */
    InfrastructureFactory factory() {
        return factory;
    }

    /** @return the mapper between domain events and stored events */
    public Mapper mapper() {
        return mapper;
    }

    /** @return the settings, scoped to this application's name */
    public Settings settings() {
        return settings;
    }

    /** Releases the infrastructure's resources. */
    @Override
    public void close() {
        factory.close();
    }
}
