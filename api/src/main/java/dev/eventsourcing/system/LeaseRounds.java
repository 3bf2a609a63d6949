package dev.eventsourcing.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;

/**
 * The lease rounds of a runner's divided readers: one round per group at start, then one every
 * third of the group's lease on the executor (or, for a synchronous runner, at the prompts and
 * catch-ups that come when one is due). A round that gains segments prompts their workers at
 * once; the workers of segments it lost return at their next run. Stopping gives every segment
 * back, so that the other nodes take them over at their next round rather than after the lease.
 */
final class LeaseRounds {

    private static final Logger LOG = Logger.getLogger(LeaseRounds.class.getName());

    /** The workers of each group, by segment index. */
    private final Map<SegmentLeases, List<Worker>> groups = new LinkedHashMap<>();
    private final Dispatch dispatch;
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();

    LeaseRounds(List<Worker> workers, Dispatch dispatch) {
        this.dispatch = dispatch;
        for (Worker worker : workers) {
            SegmentLeases leases = worker.segment.leases();
            if (leases != null) {
                groups.computeIfAbsent(leases, group -> new ArrayList<>()).add(worker);
            }
        }
    }

    /** Runs the first round of every group, in this thread, and times the next ones on the executor, if any. */
    synchronized void start(Timing timing) {
        groups.keySet().forEach(SegmentLeases::round);
        if (timing == null) {
            return;
        }
        for (SegmentLeases leases : groups.keySet()) {
            long every = Math.max(1, leases.renewal().toMillis());
            scheduled.add(timing.everyOnExecutor(every, () -> round(leases), "A lease round"));
        }
    }

    /** Runs the rounds that are due: what a synchronous runner does instead of scheduling them. */
    void roundsIfDue() {
        groups.keySet().forEach(leases -> prompt(leases, leases.roundIfDue()));
    }

    private void round(SegmentLeases leases) {
        prompt(leases, leases.round());
    }

    private void prompt(SegmentLeases leases, SortedSet<Integer> gained) {
        List<Worker> workers = groups.get(leases);
        for (int segment : gained) {
            Worker worker = workers.get(segment);
            worker.progress.prompted(); // whatever the log holds for it now is work of this node's
            try {
                dispatch.prompt(worker);
            } catch (RejectedExecutionException e) {
                LOG.fine(() -> "Segment '" + worker.segment + "' of '" + worker.reader + "' not prompted: shutting down");
            }
        }
    }

    /** Stops the rounds; no more are scheduled. */
    synchronized void stop() {
        scheduled.forEach(round -> round.cancel(false));
        scheduled.clear();
    }

    /** Gives back every segment this node holds, once its workers are idle. */
    void release() {
        groups.keySet().forEach(SegmentLeases::release);
    }
}
