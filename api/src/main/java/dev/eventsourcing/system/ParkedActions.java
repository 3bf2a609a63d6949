package dev.eventsourcing.system;

import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.ParkedNotification;
import dev.eventsourcing.persistence.ParkingRecorder;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What operators do about parked notifications, done while the worker's turn is held so that no
 * run of it parks a notification behind one being resolved. Each action is recorded through the
 * reader's {@link ParkingRecorder} with the clock's time.
 */
final class ParkedActions {

    private static final Logger LOG = Logger.getLogger(ParkedActions.class.getName());
    private static final Duration BUSY_TIMEOUT = Duration.ofSeconds(30);
    private static final Comparator<ParkedNotification> ORDER = Comparator.comparing(ParkedNotification::reader)
            .thenComparing(ParkedNotification::upstream).thenComparingLong(ParkedNotification::notificationId);

    private final Running running;
    private final Clock clock;

    ParkedActions(Running running, Clock clock) {
        this.running = running;
        this.clock = clock;
    }

    /** The notifications recorded for a reader, or for every reader when {@code reader} is null. */
    List<ParkedNotification> parked(String reader, ParkedNotification.Status status, int limit) {
        List<ParkedNotification> found = new ArrayList<>();
        running.readers().forEach((name, worker) -> {
            if (reader == null || reader.equals(name)) {
                found.addAll(worker.parking.recorder().select(name, status, limit));
            }
        });
        return found.stream().sorted(ORDER).limit(limit).toList();
    }

    /**
     * Processes a parked notification, then those of its originator parked behind it, until one
     * fails; by the worker of the originator's segment.
     */
    int retry(List<Worker> workers, long notificationId) {
        ParkedNotification first = parkedOrThrow(workers.get(0), notificationId);
        Worker worker = ofSegment(workers, first);
        worker.turn.take("'" + worker.reader + "' in '" + worker.log.name() + "'", BUSY_TIMEOUT);
        try {
            List<ParkedNotification> chain = new ArrayList<>(List.of(first));
            worker.parking.parked().stream()
                    .filter(p -> p.originatorId().equals(first.originatorId()) && p.notificationId() > notificationId)
                    .forEach(chain::add);
            int retried = 0;
            while (retried < chain.size() && retryOne(worker, chain.get(retried))) {
                retried++;
            }
            return retried;
        } finally {
            release(worker);
        }
    }

    private boolean retryOne(Worker worker, ParkedNotification parked) {
        long id = parked.notificationId();
        try {
            Notification notification = worker.log.get(id);
            worker.reprocess(notification, () -> worker.parking.recorder().resolve(worker.reader, worker.log.name(), id,
                    ParkedNotification.Status.RETRIED, clock.instant()));
        } catch (RuntimeException | Error e) {
            worker.parking.recorder().park(new ParkedNotification(parked.reader(), parked.upstream(), id,
                    parked.originatorId(), parked.originatorVersion(), parked.topic(), e.getClass().getName() + ": "
                    + e.getMessage(), Parking.stackTrace(e), parked.attempts() + 1, clock.instant(), 0,
                    ParkedNotification.Status.PARKED, null));
            LOG.log(Level.WARNING, e, () -> "'" + worker.reader + "' failed again on parked notification " + id + " of '"
                    + worker.log.name() + "'; it stays parked");
            return false;
        }
        LOG.info(() -> "'" + worker.reader + "' processed parked notification " + id + " of '" + worker.log.name() + "'");
        return true;
    }

    /** Marks a parked notification as skipped: it is never processed. */
    void skip(List<Worker> workers, long notificationId) {
        Worker worker = ofSegment(workers, parkedOrThrow(workers.get(0), notificationId));
        worker.turn.take("'" + worker.reader + "' in '" + worker.log.name() + "'", BUSY_TIMEOUT);
        try {
            worker.parking.recorder().resolve(worker.reader, worker.log.name(), notificationId,
                    ParkedNotification.Status.SKIPPED, clock.instant());
        } catch (IntegrityException e) {
            throw new IllegalArgumentException(e.getMessage(), e); // resolved by someone else meanwhile
        } finally {
            release(worker);
        }
        LOG.info(() -> "'" + worker.reader + "' skipped parked notification " + notificationId + " of '"
                + worker.log.name() + "'");
    }

    private void release(Worker worker) {
        worker.parking.forget();
        if (worker.turn.end()) {
            running.dispatch.prompt(worker); // a prompt came while the turn was held
        }
    }

    /** The worker of the segment the parked notification's originator belongs to. */
    private static Worker ofSegment(List<Worker> workers, ParkedNotification parked) {
        return workers.stream().filter(worker -> worker.segment.contains(parked.originatorId())).findFirst()
                .orElseThrow();
    }

    private static ParkedNotification parkedOrThrow(Worker worker, long notificationId) {
        ParkedNotification parked = worker.parking.recorder().get(worker.reader, worker.log.name(), notificationId)
                .orElseThrow(() -> new IllegalArgumentException("Notification " + notificationId + " of '"
                        + worker.log.name() + "' is not parked by '" + worker.reader + "'"));
        if (!parked.parked()) {
            throw new IllegalArgumentException("Notification " + notificationId + " of '" + worker.log.name()
                    + "' is not parked by '" + worker.reader + "' any more: it was " + parked.status() + " at "
                    + parked.resolvedAt());
        }
        return parked;
    }
}
