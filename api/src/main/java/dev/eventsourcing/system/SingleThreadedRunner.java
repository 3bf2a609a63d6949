package dev.eventsourcing.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;

/**
 * Runs a system in the calling thread: when an application records events, every follower
 * processes them before the save returns, and their followers in turn, breadth first. With
 * the in-memory store this makes whole systems testable without waiting or threads.
 *
 * <p>Applications are made with a public constructor taking {@link Settings}, or else a public
 * no-argument constructor. Calls from several threads are serialised: one prompt is processed
 * at a time.
 *
 * <p>A policy that fails is not retried or parked here: its exception reaches the caller of the
 * save that prompted it, so that a test sees the failure where it happens (the notification
 * stays unprocessed and is tried again at the next prompt). So does a notification that cannot
 * be decoded, e.g. an {@link dev.eventsourcing.persistence.UnknownTopicException} for a topic no
 * known class has. {@link MultiThreadedRunner} retries
 * and parks instead; the two end in the same state while nothing fails.
 */
public final class SingleThreadedRunner implements Runner {

    private final ApplicationSystem system;
    private final Settings settings;
    private final Map<Class<? extends Application>, Application> running = new LinkedHashMap<>();
    private final Queue<Class<? extends Application>> prompted = new ArrayDeque<>();
    private boolean processing;

    /**
     * A runner of the system with no settings: every default applies (the in-memory store).
     *
     * @param system the system to run; not null
     */
    public SingleThreadedRunner(ApplicationSystem system) {
        this(system, Settings.empty());
    }

    /**
     * A runner of the system whose applications are made with the given settings.
     *
     * @param system the system to run; not null
     * @param settings the settings each application is made with; not null
     */
    public SingleThreadedRunner(ApplicationSystem system, Settings settings) {
        this.system = Objects.requireNonNull(system, "system");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public synchronized void start() {
        if (!running.isEmpty()) {
            throw new IllegalStateException("The runner is started already");
        }
        for (Class<? extends Application> type : system.applications()) {
            running.put(type, construct(type));
        }
        for (Class<? extends Application> type : system.applications()) {
            Application application = running.get(type);
            for (Class<? extends Application> leader : system.leadersOf(type)) {
                ((ProcessApplication) application).follow(running.get(leader));
            }
            application.addRecordingListener(recordings -> prompt(type));
        }
        // Catch up with whatever the leaders recorded before this runner started.
        system.applications().forEach(this::prompt);
    }

    @Override
    public synchronized void stop() {
        running.values().forEach(Application::close);
        running.clear();
        prompted.clear();
    }

    @Override
    public synchronized <A extends Application> A get(Class<A> type) {
        if (running.isEmpty()) {
            throw new IllegalStateException("The runner is not started");
        }
        Application application = running.get(type);
        if (application == null) {
            throw new IllegalArgumentException(type.getName() + " is not part of the system");
        }
        return type.cast(application);
    }

    /**
     * Processes the leader's new notifications in each follower, and what that records in
     * theirs, until nothing is left. A prompt raised while processing (a follower saving) is
     * queued, not recursed into, so deep pipes and cycles use constant stack.
     */
    private synchronized void prompt(Class<? extends Application> leader) {
        prompted.add(leader);
        if (processing) {
            return;
        }
        processing = true;
        try {
            Class<? extends Application> next;
            while ((next = prompted.poll()) != null) {
                String leaderName = running.get(next).name();
                for (Class<? extends Application> follower : system.followersOf(next)) {
                    ((ProcessApplication) running.get(follower)).pullAndProcess(leaderName);
                }
            }
        } finally {
            processing = false;
            prompted.clear();
        }
    }

    private Application construct(Class<? extends Application> type) {
        return Constructors.construct(type, settings);
    }
}
