package dev.eventsourcing.system;

import dev.eventsourcing.MetricsListener;
import dev.eventsourcing.application.Shredding;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.Tracking;
import dev.eventsourcing.persistence.TrackingRecorder;
import dev.eventsourcing.persistence.Transactions;
import dev.eventsourcing.projection.FailurePolicy;
import dev.eventsourcing.projection.Projection;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Feeds one followed log to one projection, exactly once and in order, its position keyed by the
 * log's name in the projection's tracking recorder.
 *
 * <p>Only notifications the projection {@linkplain Projection#observes observes} are decoded;
 * the others are passed over, and the position moves past them with the next write. On an
 * atomic backend a batch is handled in one transaction; when that fails (and on a non-atomic
 * backend always) each notification is handled in a transaction of its own, which finds the
 * failing one.
 *
 * <p>The claim: every transaction that advances the position from P first records P+1, whatever
 * the id of its first notification, and records its last id at the end. Two runners at the same
 * position therefore insert the same key and one of them fails, also when ids have gaps (a
 * rolled-back writer leaves one) and when their batches differ in length; a runner with a stale
 * position fails the recorder's "above the highest" check. The loser reloads its position and
 * selects again ({@link LostClaim}). Without atomic transactions the claim cannot come before a
 * handler that may fail (it would not be rolled back), so there P+1 is recorded first only when
 * it lies below the notification's id, and the notification's own position after its handler.
 *
 * <p>A worker of one {@link Segment} passes over the notifications of other segments as over
 * those the projection does not observe, and records its position under the segment's key. The
 * claim is what keeps a segment exactly-once when it moves between nodes: the node that takes it
 * over starts from the segment's recorded position and claims the next one, so a batch the
 * former holder still commits after losing its lease collides with it on that key, and one of
 * them selects again from what the other recorded; per-originator order holds, since the newer
 * holder goes on strictly after what the older one committed.
 */
final class ProjectionWorker extends Worker {

    private static final Logger LOG = Logger.getLogger(ProjectionWorker.class.getName());

    private final Projection projection;
    private final Transactions transactions;
    private volatile long position = -1;

    ProjectionWorker(Projection projection, FollowedLog log, Segment segment, RunnerSettings settings,
                     FailurePolicy policy, TrackingRecorder tracking, Transactions transactions, Parking parking,
                     Backoff backoff, MetricsListener metrics) {
        super(projection.name(), log, segment, settings, policy, tracking, parking, backoff, metrics);
        this.projection = projection;
        this.transactions = transactions;
    }

    @Override
    Outcome processBatch() {
        if (position < 0 || segment.count > 1) {
            // A segment may have moved to another node and back since the last batch: reloaded.
            position = segment.position(tracking);
        }
        FollowedLog.Batch read = read(position);
        List<Notification> batch = read.items();
        if (batch.isEmpty()) {
            passOver(read.reached()); // a run of other topics: the position moves past it
            return Outcome.DONE;
        }
        if (transactions.atomic() && backoff.last() == null && wholeBatch(batch, read.reached())) {
            return afterBatch(batch);
        }
        return oneByOne(batch, read.reached());
    }

    @Override
    Set<Class<?>> observedTypes() {
        return projection.observedTypes();
    }

    /** Handles the batch in one transaction, recording {@code reached}; false when it failed and nothing of it remains. */
    private boolean wholeBatch(List<Notification> batch, long reached) {
        int[] applied = {0};
        try {
            commit(reached, unitOfWork -> {
                Set<UUID> parked = parkedOriginators();
                applied[0] = 0; // a transaction retried from the start counts again
                for (Notification notification : batch) {
                    if (!mine(notification)) {
                        continue; // another segment's: the position moves past it all the same
                    }
                    if (parked.contains(notification.originatorId())) {
                        parking.behind(notification);
                    } else if (observed(notification)) {
                        apply(decode(notification), notification, unitOfWork);
                        applied[0]++;
                    }
                }
            });
            for (int i = 0; i < applied[0]; i++) {
                metrics.processed(reader, log.name());
            }
            return true;
        } catch (LostClaim e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.fine(() -> "'" + reader + "' goes through a batch of '" + log.name() + "' one by one after " + e);
            return false;
        }
    }

    private Outcome oneByOne(List<Notification> batch, long reached) {
        Set<UUID> parked = parkedOriginators();
        long passed = 0;
        for (Notification notification : batch) {
            if (stopped()) {
                passOver(passed);
                return Outcome.STOPPED;
            }
            if (!mine(notification) || !parked.contains(notification.originatorId()) && !observed(notification)) {
                passed = notification.id();
            } else if (one(notification, parked)) {
                passed = 0;
            } else {
                passOver(passed);
                return Outcome.FAILED;
            }
        }
        passOver(Math.max(passed, reached)); // reached: past the other topics after the batch too
        return afterBatch(batch);
    }

    @Override
    void handle(Decoded decoded, Notification notification) {
        commit(notification.id(), unitOfWork -> apply(decoded, notification, unitOfWork));
    }

    // A shredding goes to erase(), whatever the projection observes; a shredded event to processShredded();
    // a decision of a DCB application to the DcbProjection the projection adapts (only those follow decisions).
    @SuppressWarnings("unchecked")
    private void apply(Decoded decoded, Notification notification, Object unitOfWork) {
        if (decoded.decided() != null) {
            ((DecisionProjection) projection).process(decoded.decided(), unitOfWork);
        } else if (decoded.shredded() != null) {
            projection.processShredded(decoded.shredded(), unitOfWork);
        } else if (decoded.event().payload() instanceof Shredding.SubjectShredded) {
            projection.erase((DomainEvent<Shredding.SubjectShredded>) decoded.event(), notification, unitOfWork);
        } else {
            projection.process(decoded.event(), notification, unitOfWork);
        }
    }

    // An unknown topic counts as observed, so that decoding it fails and parks it; a shredding
    // counts as observed by every projection, which erase() it.
    private boolean observed(Notification notification) {
        Class<?> type;
        try {
            type = log.eventType(notification.topic());
        } catch (RuntimeException e) {
            return true;
        }
        return type == Shredding.SubjectShredded.class || projection.observes(type);
    }

    /** Moves the position past notifications no one observes, in one write. */
    private void passOver(long passed) {
        if (passed > position) {
            try {
                commit(passed, unitOfWork -> { });
            } catch (LostClaim e) {
                // the position is reloaded: the next run selects after it
            }
        }
    }

    @Override
    void record(Notification notification, Runnable park) {
        commit(notification.id(), unitOfWork -> park.run());
    }

    /**
     * Runs the work in a transaction that claims the position after the last recorded one and
     * records {@code last}, then moves the position there.
     *
     * @throws LostClaim when another runner recorded that part of the log first
     */
    private void commit(long last, Consumer<Object> work) {
        long claim = position + 1;
        try {
            transactions.inNewTransaction(unitOfWork -> {
                claimWorkRecord(claim, last, work, unitOfWork);
                return null;
            });
        } catch (LostClaim e) {
            // Reloaded only now that the transaction has ended: the claim's refusal may have
            // left it unusable (a failed statement aborts a PostgreSQL transaction).
            reload();
            throw lost(claim);
        } catch (IntegrityException e) {
            // Failing at commit rather than at the insert: lost if someone else moved past what we claimed.
            if (reload() >= (transactions.atomic() ? claim : last)) {
                throw lost(claim);
            }
            throw e;
        }
        position = last;
    }

    private void claimWorkRecord(long claim, long last, Consumer<Object> work, Object unitOfWork) {
        boolean claimFirst = transactions.atomic() || claim < last;
        if (claimFirst) {
            claim(claim);
        }
        work.accept(unitOfWork);
        if (!claimFirst || last != claim) {
            tracking.insertTracking(new Tracking(segment.key, last));
        }
    }

    private void claim(long claim) {
        try {
            tracking.insertTracking(new Tracking(segment.key, claim));
        } catch (IntegrityException e) {
            throw new LostClaim();
        }
        if (!transactions.atomic()) {
            position = claim; // recorded for good: nothing rolls it back
        }
    }

    private LostClaim lost(long claim) {
        LOG.fine(() -> "'" + reader + "' lost the claim of position " + claim + " of '" + segment.key
                + "' to another runner; it goes on from " + position);
        return new LostClaim();
    }

    private long reload() {
        position = segment.position(tracking);
        return position;
    }

    @Override
    void reprocess(Notification notification, Runnable resolve) {
        transactions.inNewTransaction(unitOfWork -> {
            if (observed(notification)) {
                apply(decode(notification), notification, unitOfWork);
            }
            resolve.run();
            return null;
        });
    }
}
