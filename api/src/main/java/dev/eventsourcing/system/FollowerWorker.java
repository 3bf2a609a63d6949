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
 */
final class FollowerWorker extends Worker {

    private static final Logger LOG = Logger.getLogger(FollowerWorker.class.getName());

    private final ProcessApplication follower;
    private final Transactions transactions;

    FollowerWorker(ProcessApplication follower, FollowedLog log, RunnerSettings settings, FailurePolicy policy,
                   Parking parking, Backoff backoff, MetricsListener metrics) {
        super(follower.name(), log, settings, policy, follower.processRecorder(), parking, backoff, metrics);
        this.follower = follower;
        this.transactions = follower.transactions();
    }

    @Override
    Outcome processBatch() {
        List<Notification> batch = read(tracking.maxTrackingId(log.name()));
        if (batch.isEmpty()) {
            return Outcome.DONE;
        }
        Set<UUID> parked = parkedOriginators();
        for (Notification notification : batch) {
            if (stopped()) {
                return Outcome.STOPPED;
            }
            if (!one(notification, parked)) {
                return Outcome.FAILED;
            }
        }
        return afterBatch(batch);
    }

    @Override
    void handle(Decoded decoded, Notification notification) {
        follower.process(log.name(), decoded, notification);
    }

    @Override
    void record(Notification notification, Runnable park) {
        try {
            transactions.inNewTransaction(unitOfWork -> {
                park.run();
                follower.processRecorder().insertTracking(new Tracking(log.name(), notification.id()));
                return null;
            });
        } catch (IntegrityException e) {
            if (tracking.hasTrackingId(log.name(), notification.id())) {
                LOG.fine(() -> "'" + reader + "': another runner recorded notification " + notification.id() + " of '"
                        + log.name() + "' first");
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
