package dev.eventsourcing.system;

import java.time.Clock;
import java.time.Instant;

/**
 * What one worker is doing and since when, and since when it has been behind its log: the
 * runner's facts for lag in time and for liveness.
 *
 * <p>A reader is behind from the first prompt after a commit of its log (or, for a log that is
 * only polled, from the start of the first run that did not read the log to its end) until a
 * run reads the log to its end. A prompt that arrives during such a run is not covered by its
 * read, so the reader stays behind since that prompt. The time a prompt waits for an executor
 * thread therefore counts, as does a failing notification's back-off.
 */
final class Progress {

    private final Clock clock;
    private ReaderStatus.Activity activity = ReaderStatus.Activity.IDLE; // guarded by this
    private Instant activitySince;    // guarded by this
    private Instant behindSince;      // guarded by this
    private Instant promptedInRun;    // the first prompt during the run under way; guarded by this

    Progress(Clock clock) {
        this.clock = clock;
        this.activitySince = clock.instant();
    }

    /** The log has grown (a commit was observed): the reader is behind from now unless it already was. */
    synchronized void prompted() {
        Instant now = clock.instant();
        if (behindSince == null) {
            behindSince = now;
        }
        if (activity == ReaderStatus.Activity.RUNNING && promptedInRun == null) {
            promptedInRun = now;
        }
    }

    /** A run begins now; returns when. */
    synchronized Instant began() {
        Instant now = clock.instant();
        activity = ReaderStatus.Activity.RUNNING;
        activitySince = now;
        promptedInRun = null;
        return now;
    }

    /** The run that began then ended, having read the log to its end or not. */
    synchronized void ended(Instant began, boolean readToEnd) {
        if (readToEnd) {
            behindSince = promptedInRun;
        } else if (behindSince == null) {
            behindSince = began;
        }
        promptedInRun = null;
        if (activity == ReaderStatus.Activity.RUNNING) {
            activity = ReaderStatus.Activity.IDLE;
            activitySince = clock.instant();
        }
    }

    /**
     * A run found that this node does not hold the worker's segment: this node is not behind on
     * it, whoever is.
     */
    synchronized void notHeld() {
        behindSince = null;
    }

    /** The executor refused to run the worker: it runs no more until a later prompt is accepted. */
    synchronized void refused() {
        if (activity != ReaderStatus.Activity.STOPPED) {
            activity = ReaderStatus.Activity.REFUSED;
            activitySince = clock.instant();
        }
    }

    /** The worker was stopped. */
    synchronized void stopped() {
        activity = ReaderStatus.Activity.STOPPED;
        activitySince = clock.instant();
    }

    /** The progress now, with the time it was taken. */
    synchronized Snapshot snapshot() {
        return new Snapshot(behindSince, activity, activitySince, clock.instant());
    }

    /** The progress at one time ({@code at}); {@code behindSince} is {@code null} when caught up. */
    record Snapshot(Instant behindSince, ReaderStatus.Activity activity, Instant activitySince, Instant at) {
    }
}
