package dev.eventsourcing.system;

import dev.eventsourcing.MetricsListener;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.ParkedNotification;
import dev.eventsourcing.persistence.ParkingRecorder;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Parks the notifications of one reader in one log with its {@link ParkingRecorder}, and knows
 * which originators have notifications parked, so that their later notifications are parked
 * behind the first one (per-originator order) without being processed.
 *
 * <p>A notification that failed is logged at WARNING once, when it is parked; those parked
 * behind it only at FINE, so that one bad aggregate does not flood the log.
 */
final class Parking {

    private static final Logger LOG = Logger.getLogger(Parking.class.getName());

    private final ParkingRecorder recorder;
    private final String reader;
    private final String upstream;
    private final Clock clock;
    private final MetricsListener metrics;
    private final boolean decisions;
    // The first parked notification of each originator, as far as this worker knows.
    private final Map<UUID, Long> heads = new ConcurrentHashMap<>();

    /** Parks for the reader in the log; {@code decisions} when the log is a DCB application's, where nothing waits behind. */
    Parking(ParkingRecorder recorder, String reader, String upstream, Clock clock, MetricsListener metrics,
            boolean decisions) {
        this.metrics = metrics;
        this.decisions = decisions;
        this.recorder = recorder;
        this.reader = reader;
        this.upstream = upstream;
        this.clock = clock;
    }

    ParkingRecorder recorder() {
        return recorder;
    }

    /** The originators with notifications parked now: read once per batch, added to as it parks. */
    Set<UUID> originators() {
        return new HashSet<>(recorder.parkedOriginators(reader, upstream));
    }

    /**
     * Parks a notification that failed {@code attempts} times (or could not be decoded), with the
     * stack trace in the log unless the failure was {@code logged} with it already.
     */
    void failed(Notification notification, Throwable error, int attempts, boolean logged) {
        recorder.park(parked(notification, error.getClass().getName() + ": " + error.getMessage(),
                stackTrace(error), attempts, 0));
        heads.putIfAbsent(notification.originatorId(), notification.id());
        metrics.parked(reader, upstream, notification.id());
        LOG.log(Level.WARNING, logged ? null : error, () -> "'" + reader + "' parked notification "
                + notification.id() + " of '" + upstream + "' (" + notification.topic() + ", originator "
                + notification.originatorId() + ") after " + attempts + " attempt(s): " + error
                + (decisions ? "; the decisions after it go on"
                : "; later notifications of that originator are parked behind it, the others go on"));
    }

    /** Parks a notification because one of its originator's is parked: it is not processed. */
    void behind(Notification notification) {
        long head = heads.computeIfAbsent(notification.originatorId(), this::firstParked);
        recorder.park(parked(notification, "parked behind notification " + head + " of the same originator", "", 0, head));
        metrics.parked(reader, upstream, notification.id());
        LOG.fine(() -> "'" + reader + "' parked notification " + notification.id() + " of '" + upstream
                + "' behind notification " + head);
    }

    /** Forgets what it knows of parked originators: after a retry or skip changed them. */
    void forget() {
        heads.clear();
    }

    /** The notifications of this reader and log that are parked now, ascending. */
    List<ParkedNotification> parked() {
        return recorder.select(reader, ParkedNotification.Status.PARKED, Integer.MAX_VALUE).stream()
                .filter(p -> p.upstream().equals(upstream))
                .toList();
    }

    private long firstParked(UUID originatorId) {
        return parked().stream().filter(p -> p.originatorId().equals(originatorId))
                .mapToLong(ParkedNotification::notificationId).min().orElse(0);
    }

    private ParkedNotification parked(Notification n, String error, String stackTrace, int attempts, long behind) {
        return new ParkedNotification(reader, upstream, n.id(), n.originatorId(), n.originatorVersion(), n.topic(), error,
                stackTrace, attempts, clock.instant(), behind, ParkedNotification.Status.PARKED, null);
    }

    static String stackTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
