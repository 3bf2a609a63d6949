package dev.eventsourcing.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.NotificationLog;
import dev.eventsourcing.application.Shredding;
import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.Recording;
import dev.eventsourcing.persistence.Tracking;
import dev.eventsourcing.projection.ShreddedEvent;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * An application that follows other applications ("leaders"): its {@link #policy} turns each
 * upstream event into new events of its own aggregates, which are recorded atomically with the
 * upstream position (a {@link Tracking}). Each upstream notification is therefore processed
 * exactly once, also after a crash: processing resumes after the last recorded position.
 *
 * <pre>{@code
 * protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
 *     if (event.payload() instanceof Transfer.Requested requested) {
 *         Account from = repository(Account.class).get(requested.from());
 *         from.debit(requested.amount(), event.originatorId());
 *         processing.collectEvents(from);
 *     }
 * }
 * }</pre>
 */
public abstract class ProcessApplication extends Application {

    /** How often a notification is tried again when its aggregates were changed meanwhile. */
    private static final int CONFLICT_ATTEMPTS = 10;

    private final Map<String, FollowedLeader> leaders = new ConcurrentHashMap<>();

    /** A process application with default settings: in-memory store, no snapshots, no cache. */
    protected ProcessApplication() {
        super();
    }

    /**
     * A process application configured by the given settings, as {@link Application#Application(Settings)}.
     *
     * @param settings the settings, read scoped to the application's name; not null
     */
    protected ProcessApplication(Settings settings) {
        super(settings);
    }

    @Override
    protected ApplicationRecorder constructRecorder(InfrastructureFactory factory) {
        return factory.processRecorder();
    }

    /** @return the recorder of this application's events, log and tracking positions */
    public ProcessRecorder processRecorder() {
        return (ProcessRecorder) recorder();
    }

    /**
     * Turns one upstream event into new events: get aggregates from repositories, call their
     * command methods, and {@linkplain ProcessingEvent#collectEvents collect} them. Events the
     * policy does not care about are simply ignored; their position is recorded all the same.
     * Must depend on nothing but the event and this application's state, so that running it
     * again after a conflict gives a correct result.
     *
     * @param event the upstream event, decoded with the leader's mapper
     * @param processing where to collect the changed aggregates, with the upstream position
     * @throws RuntimeException to refuse the event: nothing of it is recorded, and the runner
     *         tries again later, or parks the notification
     */
    protected abstract void policy(DomainEvent<?> event, ProcessingEvent processing);

    /**
     * The upstream event types the policy acts on, when it can name them: then only their
     * notifications are read from the leaders' logs (filtered where each log is read), and the
     * position moves past the others without fetching them. Each type is a final class (an event
     * record) or a sealed type, whose permitted subclasses count too; the policy is then never
     * given an event of another type, so a policy that needs every event keeps the default.
     *
     * <p>By default, and whenever a type is of another kind (an open interface, {@code Object}),
     * every notification is read and decoded and the policy picks.
     *
     * @return the types the policy acts on; empty (the default) for every event
     */
    public Set<Class<?>> observedTypes() {
        return Set.of();
    }

    /**
     * Turns an upstream event that can no longer be read, because the personal data it carried
     * was shredded, into new events: its type, originator and version are known, its data is
     * not. By default it turns it into none; its position is recorded all the same. The same
     * rules as for {@link #policy(DomainEvent, ProcessingEvent)} apply.
     *
     * @param event what is known of the upstream event
     * @param processing where to collect the changed aggregates, with the upstream position
     */
    protected void policy(ShreddedEvent<?> event, ProcessingEvent processing) {
    }

    /**
     * Follows a leader: reads its log with its mapper, as {@code leaderName}. The mapper reads
     * only the classes it knows (see {@link Mapper}): for another deployment's log, pass one that
     * declares that log's classes, such as this application's own when its
     * {@link #domainClasses()} include them. The mapper is taught the library's own
     * {@link Shredding}, which every log may hold.
     *
     * @param leaderName the name the leader is known by here, which keys the tracking positions;
     *                   not null
     * @param log the leader's log; not null
     * @param mapper decodes the leader's notifications; not null
     */
    public void follow(String leaderName, NotificationLog log, Mapper mapper) {
        Objects.requireNonNull(leaderName, "leaderName");
        Objects.requireNonNull(mapper, "mapper").declare(Shredding.class);
        leaders.put(leaderName, new FollowedLeader(log, mapper, FollowedLog.remote(leaderName, log, mapper)));
    }

    /**
     * Follows another application in the same process, by its name, with its log and mapper.
     *
     * @param leader the application to follow
     */
    public void follow(Application leader) {
        leader.mapper().declare(Shredding.class);
        leaders.put(leader.name(), new FollowedLeader(leader.notificationLog(), leader.mapper(), FollowedLog.of(leader)));
    }

    /** @return the names of the leaders this application follows; empty when it follows none */
    public java.util.Set<String> leaderNames() {
        return java.util.Set.copyOf(leaders.keySet());
    }

    /**
     * Processes every notification of the leader after the last recorded position, in order:
     * of the {@linkplain #observedTypes() observed types} only where they can be filtered by
     * topic, which the leader's log then does where it is read.
     *
     * @param leaderName the name the leader was followed as
     * @return how many notifications this call processed
     * @throws IllegalArgumentException when this application does not follow {@code leaderName}
     */
    public int pullAndProcess(String leaderName) {
        return pullAndProcess(leaderName, () -> false);
    }

    /**
     * Processes the notifications of the leader after the last recorded position, in order (of
     * the {@linkplain #observedTypes() observed types} only, as {@link #pullAndProcess(String)}),
     * until {@code stop} says so: it is asked before each notification, so that a runner that is
     * shutting down leaves the rest to the next start (or to another node) instead of draining
     * the backlog first.
     *
     * @param leaderName the name the leader was followed as
     * @param stop asked before each notification; true to stop there; not null
     * @return how many notifications this call processed
     * @throws IllegalArgumentException when this application does not follow {@code leaderName}
     */
    public int pullAndProcess(String leaderName, BooleanSupplier stop) {
        Objects.requireNonNull(stop, "stop");
        FollowedLeader leader = leaders.get(leaderName);
        if (leader == null) {
            throw new IllegalArgumentException(name() + " does not follow '" + leaderName + "'; it follows " + leaders.keySet());
        }
        int processed = 0;
        for (Notification notification : leader.after(processRecorder().maxTrackingId(leaderName), observedTypes())) {
            if (stop.getAsBoolean()) {
                break;
            }
            if (process(leaderName, leader.mapper(), notification)) {
                processed++;
            }
        }
        return processed;
    }

    /**
     * Processes one upstream notification unless its position is recorded already.
     *
     * @param leaderName the name the leader was followed as, which keys the position
     * @param leaderMapper decodes the notification
     * @param notification the notification from the leader's log
     * @return whether this call processed it (false when it had been processed before)
     */
    public boolean process(String leaderName, Mapper leaderMapper, Notification notification) {
        return process(leaderName, Decoded.of(leaderMapper, notification), notification);
    }

    /**
     * Processes one upstream notification, decoded already (or what is left of a shredded one),
     * unless its position is recorded already.
     */
    boolean process(String leaderName, Decoded decoded, Notification notification) {
        return process(leaderName, notification, processing -> runPolicy(decoded, processing));
    }

    private void runPolicy(Decoded decoded, ProcessingEvent processing) {
        if (decoded.shredded() != null) {
            policy(decoded.shredded(), processing);
        } else {
            policy(decoded.event(), processing);
        }
    }

    private boolean process(String leaderName, Notification notification, Consumer<ProcessingEvent> policy) {
        Tracking tracking = new Tracking(leaderName, notification.id());
        for (int attempt = 1; ; attempt++) {
            if (processRecorder().hasTrackingId(leaderName, notification.id())) {
                return false;
            }
            ProcessingEvent processing = new ProcessingEvent(tracking);
            try {
                policy.accept(processing);
            } catch (RuntimeException e) {
                // Another worker (on another node, say) may have processed this notification
                // while the policy ran, and the policy then refused what it found changed. The
                // notification is done then; anything else is this policy's failure.
                if (processedElsewhere(leaderName, notification.id())) {
                    return false;
                }
                throw e;
            }
            try {
                record(processing);
                return true;
            } catch (IntegrityException e) {
                // Either another worker recorded this position first (then the check above
                // returns), or an aggregate changed since the policy read it: run it again.
                if (attempt == CONFLICT_ATTEMPTS && !processRecorder().hasTrackingId(leaderName, notification.id())) {
                    throw e;
                }
            }
        }
    }

    /**
     * Processes a notification that was parked, after the position has moved past it: its
     * policy's new events are saved without a position, retried when an aggregate changed
     * meanwhile.
     */
    void reprocess(String leaderName, Decoded decoded, Notification notification) {
        for (int attempt = 1; ; attempt++) {
            ProcessingEvent processing = new ProcessingEvent(new Tracking(leaderName, notification.id()));
            runPolicy(decoded, processing);
            try {
                save(processing.aggregates().toArray(Aggregate[]::new));
                return;
            } catch (IntegrityException e) {
                if (attempt == CONFLICT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private boolean processedElsewhere(String leaderName, long notificationId) {
        try {
            return processRecorder().hasTrackingId(leaderName, notificationId);
        } catch (RuntimeException unreadable) {
            return false; // the store is failing too: report the policy's failure, not this one
        }
    }

    private List<Recording> record(ProcessingEvent processing) {
        return save(processing.tracking(), processing.aggregates().toArray(Aggregate[]::new));
    }
}
