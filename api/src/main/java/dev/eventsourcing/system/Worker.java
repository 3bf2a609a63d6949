package dev.eventsourcing.system;

import dev.eventsourcing.MetricsListener;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.TrackingRecorder;
import dev.eventsourcing.projection.FailurePolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Processes one followed log for one reader (a projection, or a process application), exactly
 * once and in order, one batch per {@link #run}; a dispatch decides when and in which thread,
 * and the {@link Turn} makes sure no two runs of one worker overlap. When the reader's work is
 * divided into segments, a worker processes one {@link Segment}, and only while this node holds
 * it.
 *
 * <p>A segment's worker reads the whole log after its position, handles the notifications of its
 * segment and passes over the others, and records its position up to the last notification it
 * read, not merely the last it handled: so an idle segment keeps up with the log, and "processed
 * up to N" means every segment's position is at least N.
 */
abstract class Worker {

    /** How a run ended. */
    enum Outcome {
        /** A batch was processed and the log may hold more: run again soon. */
        MORE,
        /** The log held nothing more. */
        DONE,
        /** A notification or the log failed: run again when the back-off is due. */
        FAILED,
        /** A failure's back-off is not due yet: nothing was done. */
        NOT_DUE,
        /** The worker is stopped. */
        STOPPED,
        /** This node does not hold the worker's segment now: nothing was read. */
        NOT_HELD
    }

    final String reader;
    final FollowedLog log;
    final Segment segment;
    final RunnerSettings settings;
    final FailurePolicy policy;
    final TrackingRecorder tracking;
    final Backoff backoff;
    final Parking parking;
    final Turn turn = new Turn();
    final Runs runs;
    final Progress progress;
    final MetricsListener metrics;
    private volatile Set<String> topics;
    private volatile boolean stopped;
    private volatile boolean forced;

    Worker(String reader, FollowedLog log, Segment segment, RunnerSettings settings, FailurePolicy policy,
           TrackingRecorder tracking, Parking parking, Backoff backoff, MetricsListener metrics) {
        this.reader = reader;
        this.log = log;
        this.segment = segment;
        this.settings = settings;
        this.policy = policy;
        this.tracking = tracking;
        this.parking = parking;
        this.backoff = backoff;
        this.runs = new Runs("'" + segment.key + "' by '" + reader + "'");
        this.progress = new Progress(backoff.clock());
        this.metrics = metrics;
    }

    /** Processes at most one batch, in the calling thread; never throws. */
    final Outcome run() {
        if (stopped) {
            return Outcome.STOPPED;
        }
        if (!segment.held()) {
            progress.notHeld();
            return Outcome.NOT_HELD;
        }
        boolean force = forced;
        forced = false;
        if (!force && !backoff.due()) {
            return Outcome.NOT_DUE;
        }
        long number = runs.begin();
        Instant began = progress.began();
        Outcome outcome = Outcome.FAILED;
        try {
            outcome = ended(number, processBatch());
        } catch (LostClaim e) {
            outcome = Outcome.MORE; // another runner recorded this part of the log: select again
        } catch (RuntimeException | Error e) {
            backoff.failed(0, e); // outside a handler: reading the log, or recording a position
        } finally {
            progress.ended(began, outcome == Outcome.DONE);
            runs.end();
        }
        return outcome;
    }

    private Outcome ended(long number, Outcome outcome) {
        if (outcome == Outcome.DONE || outcome == Outcome.MORE) {
            backoff.succeeded(); // a whole batch went through: whatever failed before works again
        }
        if (outcome == Outcome.DONE) {
            runs.readToEnd(number);
        }
        return outcome;
    }

    /** Processes the next batch; what it throws counts as a failure to read the log. */
    abstract Outcome processBatch();

    /**
     * Processes a parked notification again, out of the log's order, with {@code resolve}
     * (which records the retry) in the same transaction where the backend has them.
     */
    abstract void reprocess(Notification notification, Runnable resolve);

    /**
     * The next batch after the position, of the topics of the types the reader observes only
     * (worked out at the first read, once the applications have declared their classes).
     */
    final FollowedLog.Batch read(long position) {
        Set<String> kept = topics;
        if (kept == null) {
            kept = log.topicsOf(observedTypes());
            topics = kept;
        }
        return log.read(position, settings.batchSize(), kept);
    }

    /** The event types the reader observes, the only ones read from the log; empty for every type. */
    abstract Set<Class<?>> observedTypes();

    /**
     * Records what parking a notification wrote together with the reader's position past it:
     * in one transaction where the backend has them.
     *
     * @throws LostClaim when another runner recorded that position first
     */
    abstract void record(Notification notification, Runnable park);

    /** The originators whose later notifications are parked behind: none when the policy is STOP. */
    final Set<UUID> parkedOriginators() {
        return policy == FailurePolicy.PARK ? parking.originators() : new HashSet<>();
    }

    /**
     * Processes one notification, or parks it behind a parked one of its originator; false when
     * it failed and is to be retried.
     */
    final boolean one(Notification notification, Set<UUID> parked) {
        if (parked.contains(notification.originatorId())) {
            parkBehind(notification);
            return true;
        }
        Decoded decoded;
        try {
            decoded = decode(notification);
        } catch (RuntimeException e) {
            return undecodable(notification, e, parked);
        }
        try {
            handle(decoded, notification);
        } catch (LostClaim e) {
            throw e;
        } catch (RuntimeException | Error e) {
            return failed(notification, e, parked);
        }
        metrics.processed(reader, log.name());
        backoff.succeeded();
        return true;
    }

    /**
     * Processes one decoded notification (or what is left of a shredded one) and records its
     * position, in one transaction where there are any.
     */
    abstract void handle(Decoded decoded, Notification notification);

    /** The notification decoded by its log; see {@link FollowedLog#decode}. */
    final Decoded decode(Notification notification) {
        return log.decode(notification);
    }

    /**
     * Deals with a notification that cannot be decoded: parked at once, since retrying cannot
     * help (PARK), or retried until the cause is fixed, a new cipher key say (STOP).
     *
     * @return whether the position moved past it
     */
    final boolean undecodable(Notification notification, Throwable error, Set<UUID> parked) {
        if (policy == FailurePolicy.STOP) {
            backoff.failed(notification.id(), error);
            return false;
        }
        park(notification, error, 1, false, parked);
        return true;
    }

    /**
     * Deals with a notification whose processing failed: parked once it has failed the
     * configured number of times (PARK), else retried after the back-off.
     *
     * @return whether the position moved past it
     */
    final boolean failed(Notification notification, Throwable error, Set<UUID> parked) {
        if (!storeAnswers()) {
            backoff.failed(0, error); // the store is down: no attempt of the notification's to count
            return false;
        }
        int attempts = backoff.attemptsIfFails(notification.id());
        if (policy != FailurePolicy.PARK || attempts < settings.attempts()) {
            backoff.failed(notification.id(), error);
            return false;
        }
        // Parked now: the parking's WARNING says so, with the stack trace unless the streak's first one had it.
        park(notification, error, attempts, attempts > 1, parked);
        return true;
    }

    /**
     * Whether the reader's store answers: a failure while it does not is the store's, and must
     * not bring a notification closer to being parked (an outage would park everything).
     */
    private boolean storeAnswers() {
        try {
            tracking.maxTrackingId(segment.key);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void park(Notification notification, Throwable error, int attempts, boolean logged, Set<UUID> parked) {
        record(notification, () -> parking.failed(notification, error, attempts, logged));
        backoff.clear();
        parked.add(notification.originatorId());
    }

    /** Parks a notification behind the parked one of its originator, with the position past it. */
    final void parkBehind(Notification notification) {
        record(notification, () -> parking.behind(notification));
    }

    /** What a processed batch means: the end of a local log shows in a short batch, a remote one's only when empty. */
    final Outcome afterBatch(List<Notification> batch) {
        boolean more = log.remote() ? !batch.isEmpty() : batch.size() >= settings.batchSize();
        return more ? Outcome.MORE : Outcome.DONE;
    }

    /** Makes the next run ignore a failure's back-off. */
    final void force() {
        forced = true;
    }

    final boolean stopped() {
        return stopped;
    }

    /** Stops at the next notification; a handler running now finishes. */
    final void stop() {
        stopped = true;
        progress.stopped();
    }

    /** Waits until the reader has processed the worker's segment of the log up to the notification id. */
    final void waitFor(long notificationId, Duration timeout) {
        segment.waitFor(tracking, notificationId, timeout);
    }

    /** Whether the notification is of the worker's segment. */
    final boolean mine(Notification notification) {
        return segment.contains(notification.originatorId());
    }

    /**
     * The reader's position in the log and the log's end, its failure if any, how many
     * notifications it has parked, and its progress.
     */
    final ReaderStatus status() {
        long position = segment.position(tracking);
        return status(position, log.end(), parking.parked().size());
    }

    /**
     * The status with the position of the worker's segment, given the log's end and the parked
     * count, which the segments of one reader and log share (read once for all of them).
     */
    final ReaderStatus status(long position, long logEnd, long parked) {
        Backoff.Failure last = backoff.last();
        long end = Math.max(position, logEnd);
        Progress.Snapshot now = progress.snapshot();
        return new ReaderStatus(reader, log.name(), position, end, last == null ? 0 : last.notificationId(),
                last == null ? null : last.message(), last == null ? null : last.at(), last == null ? 0 : last.attempts(),
                parked, end == position ? null : behindSince(now), now.activity(), now.activitySince(), now.at());
    }

    /** Since when a reader that lags has been behind: since its run began when no prompt told of the growth. */
    private static Instant behindSince(Progress.Snapshot now) {
        if (now.behindSince() != null) {
            return now.behindSince();
        }
        return now.activity() == ReaderStatus.Activity.RUNNING ? now.activitySince() : now.at();
    }

    /**
     * Another runner recorded the position this one was about to record: an expected race
     * between nodes, not a failure. The position is reloaded and the log selected again.
     */
    static final class LostClaim extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LostClaim() {
            super(null, null, false, false);
        }
    }
}
