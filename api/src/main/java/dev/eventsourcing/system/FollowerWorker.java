package dev.eventsourcing.system;

import dev.eventsourcing.MetricsListener;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.Tracking;
import dev.eventsourcing.persistence.Transactions;
import dev.eventsourcing.projection.FailurePolicy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Feeds a followed log to a process application. Exactly-once is the process application's own:
 * its policy's new events and the position are recorded together
 * ({@link ProcessApplication#process}), and a notification processed by another runner meanwhile
 * is recognised by its position. Every notification is decoded, since the policy decides what
 * it cares about. A parked notification's position is recorded with
 * {@link dev.eventsourcing.persistence.ProcessRecorder#insertTracking}, together with the parking
 * where the backend has transactions.
 *
 * <p>A worker of one {@link Segment} records positions under the segment's key and passes over
 * the notifications of other segments, recording the last of them read with
 * {@code insertTracking} so that its position keeps up with the log. Across a move of the
 * segment to another node, the position is what keeps each notification processed once: both
 * nodes would record the same key and id with the policy's events, and the store accepts one.
 */
final class FollowerWorker extends Worker {

    private static final Logger LOG = Logger.getLogger(FollowerWorker.class.getName());

    private final ProcessApplication follower;
    private final Transactions transactions;

    FollowerWorker(ProcessApplication follower, FollowedLog log, Segment segment, RunnerSettings settings,
                   FailurePolicy policy, Parking parking, Backoff backoff, MetricsListener metrics) {
        super(follower.name(), log, segment, settings, policy, follower.processRecorder(), parking, backoff, metrics);
        this.follower = follower;
        this.transactions = follower.transactions();
    }

    @Override
    Outcome processBatch() {
        long position = segment.position(tracking);
        FollowedLog.Batch read = read(position);
        List<Notification> batch = read.items();
        if (batch.isEmpty()) {
            passOver(read.reached() > position ? read.reached() : 0); // a run of other topics
            return Outcome.DONE;
        }
        Set<UUID> parked = parkedOriginators();
        long passed = 0;
        for (Notification notification : batch) {
            if (stopped()) {
                passOver(passed);
                return Outcome.STOPPED;
            }
            if (!mine(notification)) {
                passed = notification.id();
            } else if (one(notification, parked)) {
                passed = 0;
            } else {
                passOver(passed);
                return Outcome.FAILED;
            }
        }
        // Past the other topics after the batch too: what the log was read up to, unless a
        // later own one recorded more (never lower, which the recorder would refuse).
        long last = batch.get(batch.size() - 1).id();
        passOver(read.reached() > last ? read.reached() : passed);
        return afterBatch(batch);
    }

    @Override
    Set<Class<?>> observedTypes() {
        return follower.observedTypes();
    }

    /** Moves the segment's position past notifications of other segments, read after its last own one. */
    private void passOver(long passed) {
        if (passed == 0) {
            return;
        }
        try {
            tracking.insertTracking(new Tracking(segment.key, passed));
        } catch (IntegrityException e) {
            // Another node holds the segment now and recorded this far or further: it goes on from there.
            LOG.fine(() -> "'" + reader + "': another runner moved '" + segment.key + "' past " + passed + " first");
        }
    }

    @Override
    void handle(Decoded decoded, Notification notification) {
        follower.process(segment.key, decoded, notification);
    }

    @Override
    void record(Notification notification, Runnable park) {
        try {
            transactions.inNewTransaction(unitOfWork -> {
                park.run();
                follower.processRecorder().insertTracking(new Tracking(segment.key, notification.id()));
                return null;
            });
        } catch (IntegrityException e) {
            if (tracking.hasTrackingId(segment.key, notification.id())) {
                LOG.fine(() -> "'" + reader + "': another runner recorded notification " + notification.id() + " of '"
                        + segment.key + "' first");
                throw new LostClaim();
            }
            throw e;
        }
    }

    @Override
    void reprocess(Notification notification, Runnable resolve) {
        Decoded decoded = decode(notification);
        transactions.inNewTransaction(unitOfWork -> {
            follower.reprocess(log.name(), decoded, notification);
            resolve.run();
            return null;
        });
    }
}
