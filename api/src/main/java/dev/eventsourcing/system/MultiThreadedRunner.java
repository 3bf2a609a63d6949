package dev.eventsourcing.system;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.MetricsListener;
import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Environment;
import dev.eventsourcing.application.NotificationLog;
import dev.eventsourcing.application.Shredding;
import dev.eventsourcing.dcb.application.DcbApplication;
import dev.eventsourcing.dcb.projection.DcbProjection;
import dev.eventsourcing.persistence.Infrastructure;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.ParkedNotification;
import dev.eventsourcing.projection.Projection;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs a system of applications, its projections and the logs they follow on an executor (or
 * synchronously), with the same outcome as the {@link SingleThreadedRunner}: the counterpart of
 * the reference library's multi-threaded runner and projection runner.
 *
 * <pre>{@code
 * MultiThreadedRunner runner = MultiThreadedRunner.builder()
 *         .system(ApplicationSystem.builder().pipe(Transfers.class, Accounts.class, Transfers.class).build())
 *         .projection(balances, "Accounts")
 *         .executor(executor)
 *         .build();
 * runner.start();
 * runner.get(Transfers.class).request(from, to, amount);
 * runner.waitUntilCaughtUp(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>Each reader (a projection, or a process application following a leader) processes each
 * followed log exactly once and in order, with its position recorded in the same transaction
 * as its writes, and resumes from there after a restart, also on another node. Readers are
 * prompted after every commit of an application, after the commits of other nodes that the
 * backend tells of ({@link dev.eventsourcing.persistence.ApplicationRecorder#watchCommits}: the
 * JPA store on PostgreSQL), and polled every {@value RunnerSettings#POLL_INTERVAL} milliseconds,
 * which covers whatever was not told; each reader of each log has at most one
 * task on the executor, so one reader's backlog or hung handler never holds up another for
 * more than a batch. A notification that keeps failing, or cannot be decoded (its topic names
 * no class the reader's mapper knows, say), is parked (see
 * {@link ParkedNotifications}) or stops its reader, as the reader's
 * {@link dev.eventsourcing.projection.FailurePolicy} says. Settings: {@link RunnerSettings}.
 *
 * <p>A {@link DcbProjection} follows the decisions of a {@link DcbApplication} given to the
 * builder in the same way, their positions taking the place of notification ids; see
 * {@link Builder#projection(DcbProjection, String)}.
 *
 * <p><b>Segments.</b> A reader's work on a log may be divided into {@value RunnerSettings#SEGMENTS}
 * segments by originator ({@code Math.floorMod(hash, segments)}, where the hash folds the
 * originator id's four 32-bit words by exclusive or, as {@link java.util.UUID#hashCode} does on
 * OpenJDK, so that every JVM agrees), for the nodes that share a store to
 * divide among them. Each segment has a position of its own, kept under the key
 * {@code <log>#<segment>/<segments>} ({@code Bank#3/8}) in the reader's tracking recorder, and is
 * processed by one node at a time: nodes renew leases in the
 * {@link dev.eventsourcing.persistence.LeaseRecorder} of the reader's backend every third of
 * {@value RunnerSettings#LEASE} milliseconds, each taking its fair share; a node that stops
 * renewing loses its segments after the lease, and one that stops gracefully gives them back at
 * once. One segment (the default) is an undivided reader: no leases, positions under the log's
 * name. A reader can be divided once, from one segment (each segment starts from the undivided
 * position); any other change of the count is refused at start. Only logs of this runner's
 * applications can be divided, and the synchronous runner renews when prompted.
 *
 * <p>The executor, transactions (through the {@link Infrastructure}) and clock are passed in,
 * so a container hands over its own, and tests run without one. Thread-safe.
 */
public final class MultiThreadedRunner implements Runner, Readers, ParkedNotifications {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Plan plan;
    private volatile Running running;

    private MultiThreadedRunner(Plan plan) {
        this.plan = plan;
    }

    /** @return a new builder, with default settings and no system yet */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Makes the system's applications and the workers, and starts processing: every reader
     * catches up from its last position (in the calling thread when synchronous).
     *
     * @throws IllegalStateException  when it is started already
     * @throws ConfigurationException when names clash or a reader follows an unknown log; nothing runs then
     */
    @Override
    public synchronized void start() {
        if (running != null) {
            throw new IllegalStateException("The runner is started already");
        }
        running = Running.start(plan);
    }

    /**
     * Stops scheduling, waits up to ten seconds for running handlers to finish, and closes the
     * applications and infrastructure the runner made. Applications given to it are left open:
     * they belong to whoever made them. Does nothing when not started.
     */
    @Override
    public synchronized void stop() {
        Running current = running;
        running = null;
        if (current != null) {
            current.stop(STOP_TIMEOUT);
        }
    }

    /** {@inheritDoc} Also an application given to the builder, by its class. */
    @Override
    public <A extends Application> A get(Class<A> type) {
        return started().applications.get(type);
    }

    /**
     * Every application of the runner, made or given, in the order of the system.
     *
     * @return the applications
     * @throws IllegalStateException when the runner is not started
     */
    public List<Application> applications() {
        return started().applications.all();
    }

    /**
     * Runs the readers of the named log soon (now when synchronous): what a container calls when
     * it observed a commit. The runner prompts after the commits of its own applications itself.
     * Does nothing when not started.
     *
     * @param upstream the name of the application whose log has grown; not null
     */
    public void prompt(String upstream) {
        Running current = running;
        if (current != null) {
            current.prompt(Objects.requireNonNull(upstream, "upstream"));
        }
    }

    @Override
    public void waitFor(String reader, String upstream, long notificationId, Duration timeout) {
        started().waitFor(reader, upstream, notificationId, timeout);
    }

    @Override
    public void waitForAll(String upstream, long notificationId, Duration timeout) {
        started().waitForAll(upstream, notificationId, timeout);
    }

    @Override
    public void waitUntilCaughtUp(Duration timeout) {
        Running current = started();
        CatchUp.await(current.workers, current::logEnds, current.dispatch::prompt, timeout);
    }

    @Override
    public List<ReaderStatus> statuses() {
        return started().statuses();
    }

    /** {@inheritDoc} When synchronous, in the calling thread before it returns; else on the executor. */
    @Override
    public void catchUp() {
        started().catchUp();
    }

    @Override
    public List<ParkedNotification> parked(String reader, ParkedNotification.Status status, int limit) {
        return started().parked.parked(reader, status, limit);
    }

    /**
     * {@inheritDoc} Waits up to 30 seconds for a run of that reader under way to end, so that no
     * run parks a notification behind one being retried.
     *
     * @throws IllegalStateException when a run of the reader is still under way then (a hung handler)
     */
    @Override
    public int retry(String reader, String upstream, long notificationId) {
        Running current = started();
        return current.parked.retry(current.workers(reader, upstream), notificationId);
    }

    /**
     * {@inheritDoc} Waits for a run of that reader under way to end, as {@link #retry} does.
     *
     * @throws IllegalStateException when a run of the reader is still under way after 30 seconds
     */
    @Override
    public void skip(String reader, String upstream, long notificationId) {
        Running current = started();
        current.parked.skip(current.workers(reader, upstream), notificationId);
    }

    /**
     * This node's id, by which it holds the segments of divided readers: the one given to the
     * builder, else a new one at every start.
     *
     * @return the id
     * @throws IllegalStateException when the runner is not started
     */
    public String node() {
        return started().node;
    }

    private Running started() {
        Running current = running;
        if (current == null) {
            throw new IllegalStateException("The runner is not started");
        }
        return current;
    }

    /**
     * Describes a {@link MultiThreadedRunner}. Only the executor is required, unless the runner
     * is {@linkplain #synchronous() synchronous}.
     */
    public static final class Builder {

        private ApplicationSystem system;
        private Settings settings = Settings.empty();
        private Infrastructure infrastructure = Infrastructure.FROM_SETTINGS;
        private final List<Application> given = new ArrayList<>();
        private final List<DcbApplication> dcbGiven = new ArrayList<>();
        private final List<Plan.ProjectionEdge> projections = new ArrayList<>();
        private final List<Plan.FollowEdge> follows = new ArrayList<>();
        private ScheduledExecutorService executor;
        private ScheduledExecutorService timer;
        private boolean synchronous;
        private Clock clock = Clock.systemUTC();
        private MetricsListener metrics = MetricsListener.NONE;
        private String node;

        private Builder() {
        }

        /**
         * This node's id, by which it holds segments of divided readers: unique among the nodes
         * that share the store, and to one run of one process (a restarted process that took the
         * id of its former run would take over its leases, whose holder is no longer there, which
         * is harmless). By default a new id at every start: the host's name, the process id and a
         * random part.
         *
         * @param node the id; not blank
         * @return this builder
         * @throws IllegalArgumentException when the id is blank
         */
        public Builder node(String node) {
            if (Objects.requireNonNull(node, "node").isBlank()) {
                throw new IllegalArgumentException("A node's id must not be blank");
            }
            this.node = node;
            return this;
        }

        /**
         * The system whose applications the runner makes (with a public constructor taking
         * {@link Settings}, given an {@link Environment} with the runner's settings and
         * infrastructure, else a public no-argument one) and which follows which.
         *
         * @param system the system; not null
         * @return this builder
         */
        public Builder system(ApplicationSystem system) {
            this.system = Objects.requireNonNull(system, "system");
            return this;
        }

        /**
         * The settings of the runner ({@link RunnerSettings}), of the applications it makes and
         * of its readers (by default none: every default applies).
         *
         * @param settings the settings; not null
         * @return this builder
         */
        public Builder settings(Settings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Where the infrastructure of the applications the runner makes, and of its readers,
         * comes from; each reader's factory is made by the reader's name. By default the backend
         * the settings name.
         *
         * @param infrastructure the infrastructure; not null
         * @return this builder
         */
        public Builder infrastructure(Infrastructure infrastructure) {
            this.infrastructure = Objects.requireNonNull(infrastructure, "infrastructure");
            return this;
        }

        /**
         * An application made elsewhere (a container's bean): used as it is, also instead of
         * making its class when the system names it, and never closed by the runner.
         *
         * @param application the application; not null
         * @return this builder
         */
        public Builder application(Application application) {
            given.add(Objects.requireNonNull(application, "application"));
            return this;
        }

        /**
         * A DCB application made elsewhere, whose positions projections of this runner may follow
         * ({@link #projection(DcbProjection, String)}); never closed by the runner. The runner
         * runs its projections after each of its appends commits.
         *
         * @param application the DCB application; not null
         * @return this builder
         */
        public Builder application(DcbApplication application) {
            dcbGiven.add(Objects.requireNonNull(application, "application"));
            return this;
        }

        /**
         * A projection following the positions of the runner's DCB application of that name: it
         * receives each decision of the types it observes once, in order of position, with its
         * position recorded in the same transaction (see {@link DcbProjection}). A DCB
         * projection's work cannot be divided into segments: a decision has no single originator
         * whose order a segment would keep.
         *
         * @param projection the projection
         * @param upstream the name of the DCB application whose decisions it follows; not null
         * @return this builder
         */
        public Builder projection(DcbProjection projection, String upstream) {
            projections.add(new Plan.ProjectionEdge(new DecisionProjection(projection),
                    Objects.requireNonNull(upstream, "upstream")));
            return this;
        }

        /**
         * A projection following the log of the runner's application of that name; call once per log.
         *
         * @param projection the projection
         * @param upstream the name of the application whose log it follows; not null
         * @return this builder
         */
        public Builder projection(Projection projection, String upstream) {
            projections.add(new Plan.ProjectionEdge(projection, Objects.requireNonNull(upstream, "upstream")));
            return this;
        }

        /**
         * A projection that follows only logs of other deployments, each named with {@link #follow}.
         *
         * @param projection the projection
         * @return this builder
         */
        public Builder projection(Projection projection) {
            projections.add(new Plan.ProjectionEdge(projection, null));
            return this;
        }

        /**
         * Makes a reader (a process application of the runner, or a projection added with
         * {@link #projection}) follow a log of another deployment, such as a
         * {@link dev.eventsourcing.application.RemoteNotificationLog}, known here as {@code logName}
         * (which keys the reader's positions in it) and decoded with {@code mapper}. Such logs
         * are read when polled: nothing here prompts them. The mapper reads only the classes it
         * knows: declare the log's aggregate or event classes on it
         * ({@code Mapper.builder().declare(Account.class)}); a notification of any other topic
         * is parked with an {@link dev.eventsourcing.persistence.UnknownTopicException}. The
         * mapper is taught the library's own {@link Shredding}, which every log may hold.
         *
         * @param reader the name of the process application or projection that follows
         * @param logName the name the log is known by here, which keys the reader's positions
         * @param log the log to read
         * @param mapper decodes the log's notifications; not null
         * @return this builder
         */
        public Builder follow(String reader, String logName, NotificationLog log, Mapper mapper) {
            Objects.requireNonNull(mapper, "mapper").declare(Shredding.class);
            follows.add(new Plan.FollowEdge(reader, logName, log, mapper));
            return this;
        }

        /**
         * Where readers run: the container's managed executor, or a pool of one's own.
         *
         * @param executor the executor; not null
         * @return this builder
         */
        public Builder executor(ScheduledExecutorService executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Where the runner keeps time, if not on the executor: its polls, the retries of failed
         * readers and the lease rounds of divided ones start on the timer, which only hands work
         * to the executor with {@code execute}, so that the executor is never given a scheduled
         * task. In an application server, a timer on the container's managed thread factory keeps
         * the server's suspension, which refuses scheduled tasks of its managed executor and logs
         * each as an error (as WildFly does while it shuts down), from reaching the runner: a
         * refused {@code execute} only means that the reader runs at a later prompt. The timer's
         * tasks are short and never block. The runner does not shut it down.
         *
         * @param timer the timer; not null
         * @return this builder
         */
        public Builder timer(ScheduledExecutorService timer) {
            this.timer = Objects.requireNonNull(timer, "timer");
            return this;
        }

        /**
         * Runs readers in the thread that commits, before its save returns, with no polling:
         * for fast tests on the in-memory store. A reader whose handler saves has its prompts
         * queued and handled by the loop already running, never recursed into.
         *
         * @return this builder
         */
        public Builder synchronous() {
            this.synchronous = true;
            return this;
        }

        /**
         * The clock for back-off due times and the times parked notifications are parked and
         * resolved (by default the system clock in UTC).
         *
         * @param clock the clock; not null
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The listener told what the runner's readers do, and what the applications it makes
         * do; an application given to the builder reports to the listener of its own
         * {@link Environment}. None by default.
         *
         * @param metrics the listener
         * @return this builder
         */
        public Builder metrics(MetricsListener metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /**
         * The runner, not yet started.
         *
         * @return the runner, which makes nothing until {@link MultiThreadedRunner#start()}
         * @throws IllegalStateException  when neither an executor nor synchronous was chosen, or both, or a
         *                                timer for a synchronous runner
         * @throws ConfigurationException when reader names clash (a name keys tracking rows), or a
         *                                setting's value is not understood
         */
        public MultiThreadedRunner build() {
            Plan plan = new Plan(system, settings, infrastructure, given, dcbGiven, projections, follows, executor,
                    timer, synchronous, clock, metrics, node);
            ReaderNames.check(plan, ReaderNames.byName(given), false);
            plan.runnerSettings(null);
            projections.forEach(edge -> plan.runnerSettings(edge.projection().name()));
            return new MultiThreadedRunner(plan);
        }
    }
}
