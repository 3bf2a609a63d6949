package dev.eventsourcing.system;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.dcb.application.DcbApplication;

import dev.eventsourcing.persistence.CommitWatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * A started {@link MultiThreadedRunner}: its applications, its workers and how they are
 * dispatched, and the lease rounds of its divided readers. Each start makes a new one, and a
 * stopped one does nothing more.
 */
final class Running {

    private static final Logger LOG = Logger.getLogger(Running.class.getName());

    final Applications applications;
    final List<Worker> workers;
    final Dispatch dispatch;
    final ParkedActions parked;
    final String node;
    private final ReaderFactories factories;
    private final LeaseRounds leases;
    private final boolean synchronous;
    private final List<CommitWatch> watches = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    private Running(Applications applications, List<Worker> workers, Dispatch dispatch, ReaderFactories factories,
                    Plan plan, String node) {
        this.applications = applications;
        this.workers = workers;
        this.dispatch = dispatch;
        this.factories = factories;
        this.node = node;
        this.synchronous = plan.synchronous();
        this.parked = new ParkedActions(this, plan.clock());
        this.leases = new LeaseRounds(workers, dispatch);
    }

    /**
     * Makes the applications and workers, prompts readers after every commit of an application,
     * and catches every worker up from its last position.
     *
     * @throws RuntimeException when something cannot be made; what was made is closed then
     */
    static Running start(Plan plan) {
        Applications applications = Applications.make(plan);
        ReaderFactories factories = new ReaderFactories(plan);
        String node = plan.node() != null ? plan.node() : Nodes.fresh();
        Running running;
        try {
            List<Worker> workers = Assembly.workers(plan, applications, factories, node);
            Timing timing = plan.timing();
            Dispatch dispatch = plan.synchronous() ? new SynchronousDispatch()
                    : new AsynchronousDispatch(plan.executor(), timing, plan.runnerSettings(null).pollInterval(), workers);
            running = new Running(applications, workers, dispatch, factories, plan, node);
            running.leases.start(timing);
        } catch (RuntimeException | Error e) {
            factories.close();
            applications.closeMade();
            throw e;
        }
        for (Application application : applications.all()) {
            // After commit: readers must not see (or miss) what a rolled-back transaction wrote.
            application.addRecordingListener(recordings ->
                    application.transactions().afterCommit(() -> running.prompt(application.name())));
            // Commits of other nodes too, where the backend can tell of them; polling covers the rest.
            running.watches.add(application.recorder().watchCommits(() -> running.prompt(application.name())));
        }
        for (DcbApplication application : applications.dcbByName().values()) {
            application.addAppendListener(position ->
                    application.transactions().afterCommit(() -> running.prompt(application.name())));
            running.watches.add(application.recorder().watchCommits(() -> running.prompt(application.name())));
        }
        for (Worker worker : running.workers) {
            worker.progress.prompted(); // the log may have grown while nothing ran
            running.dispatch.prompt(worker);
        }
        return running;
    }

    /** Runs the workers that follow the named log. */
    void prompt(String upstream) {
        if (stopped) {
            return;
        }
        if (synchronous) {
            leases.roundsIfDue();
        }
        for (Worker worker : workers) {
            if (worker.log.name().equals(upstream)) {
                worker.progress.prompted();
                dispatch.prompt(worker);
            }
        }
    }

    /** Runs every worker now, ignoring the back-off of failing ones. */
    void catchUp() {
        if (!stopped) {
            if (synchronous) {
                leases.roundsIfDue();
            }
            workers.forEach(Worker::force);
            workers.forEach(dispatch::prompt);
        }
    }

    /**
     * The workers of the reader in the log: one per segment, ascending.
     *
     * @throws IllegalArgumentException when the reader does not follow that log
     */
    List<Worker> workers(String reader, String upstream) {
        List<Worker> found = workers.stream()
                .filter(worker -> worker.reader.equals(reader) && worker.log.name().equals(upstream)).toList();
        if (!found.isEmpty()) {
            return found;
        }
        throw new IllegalArgumentException("No reader '" + reader + "' follows '" + upstream + "'; readers: "
                + readers().keySet() + ", logs followed: " + workers.stream().map(w -> w.log.name()).distinct().toList());
    }

    /** Waits until every reader of the log has processed it up to the notification id. */
    void waitForAll(String upstream, long notificationId, Duration timeout) {
        await(workers.stream().filter(worker -> worker.log.name().equals(upstream)).toList(), notificationId, timeout);
    }

    /** Waits until the reader has processed the log up to the notification id, in every segment. */
    void waitFor(String reader, String upstream, long notificationId, Duration timeout) {
        await(workers(reader, upstream), notificationId, timeout);
    }

    /** Waits until each of the workers has processed up to the notification id, all within one timeout. */
    private static void await(List<Worker> workers, long notificationId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Worker worker : workers) {
            worker.waitFor(notificationId, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }

    /** One status per reader and log, its segments' merged. */
    List<ReaderStatus> statuses() {
        Map<String, List<Worker>> byGroup = new LinkedHashMap<>();
        for (Worker worker : workers) {
            byGroup.computeIfAbsent(worker.reader + "\n" + worker.log.name(), group -> new ArrayList<>()).add(worker);
        }
        return byGroup.values().stream().map(SegmentStatuses::of).toList();
    }

    /** One worker of each reader, by reader name. */
    Map<String, Worker> readers() {
        Map<String, Worker> readers = new LinkedHashMap<>();
        workers.forEach(worker -> readers.putIfAbsent(worker.reader, worker));
        return readers;
    }

    /** The last notification id of every application's log, and the last position of every DCB application. */
    Map<String, Long> logEnds() {
        Map<String, Long> ends = new LinkedHashMap<>();
        applications.byName().forEach((name, application) -> ends.put(name, application.recorder().maxNotificationId()));
        applications.dcbByName().forEach((name, application) -> ends.put(name, application.recorder().head().orElse(0)));
        return ends;
    }

    /** Stops dispatching, waits up to the timeout for running handlers, and closes what it made. */
    void stop(Duration timeout) {
        stopped = true;
        watches.forEach(CommitWatch::close);
        dispatch.stop();
        leases.stop();
        workers.forEach(Worker::stop);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Worker worker : workers) {
            if (!worker.runs.awaitIdle(deadline)) {
                LOG.warning(() -> "'" + worker.reader + "' was still processing '" + worker.log.name() + "' when the"
                        + " runner stopped after waiting " + timeout);
            }
        }
        leases.release(); // once idle: the next holder must not overlap a batch of ours for nothing
        factories.close();
        applications.closeMade();
    }
}
