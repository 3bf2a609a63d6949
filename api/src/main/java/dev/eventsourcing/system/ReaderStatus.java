package dev.eventsourcing.system;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How far a reader (a projection, or a process application following a leader) has processed
 * one notification log, how far behind it is, whether it is failing, and what its worker is
 * doing: taken at one time ({@code at}, by the runner's clock).
 *
 * <p>Lag is given in notifications ({@link #lag()}: the last id known in the log minus the
 * position) and in time ({@link #lagDuration()}: since when the reader has been behind). A
 * reader is behind from the first commit of its log it was told of after it last read the log to
 * its end (for a log of another deployment, which is only polled: from the start of the first
 * run that did not read to the end), until a run reads the log to its end again; so the time a
 * notification waits for an executor thread, and a failing notification's back-off, count.
 *
 * <p>A reader whose work is divided into segments has one status per log all the same: its
 * position is the lowest of its segments' positions, whichever node holds them, and what it is
 * doing, its failure and since when it is behind are those of the segments this node holds.
 *
 * @param reader        the projection's or process application's name
 * @param upstream      the name of the log it follows: an application's, or the name given to a
 *                      log of another deployment
 * @param position      the id of the last notification processed (0 for none)
 * @param logEnd        the last notification id known in the log, never below {@code position}:
 *                      an application's log's maximum id when the status was taken; for a log of
 *                      another deployment, the highest id its last reads returned
 * @param failingId     the id of the notification that failed last and is being retried, or 0 (when
 *                      healthy, or when the failure was outside a handler, e.g. the log could not be read)
 * @param failure       the last failure's exception class and message, or {@code null} when the last
 *                      attempt succeeded
 * @param failedAt      when it last failed, or {@code null}
 * @param attempts      how many times in a row it has failed
 * @param parked        how many notifications of this log the reader has parked and not yet resolved
 * @param behindSince   since when the reader has been behind, or {@code null} when it is caught up
 * @param activity      what the reader's worker is doing
 * @param activitySince since when it has been doing that
 * @param at            when the status was taken
 * @param segments      how many segments the reader's work on the log is divided into (1 when undivided)
 * @param held          the segments this node holds, ascending (segment 0 when undivided)
 */
public record ReaderStatus(String reader, String upstream, long position, long logEnd, long failingId,
                           String failure, Instant failedAt, int attempts, long parked, Instant behindSince,
                           Activity activity, Instant activitySince, Instant at, int segments, List<Integer> held) {

    /** What a reader's worker is doing. */
    public enum Activity {
        /** Waiting for a prompt, a poll or a failure's back-off. */
        IDLE,
        /** Processing a batch (or a handler is hung: see {@link #hung}). */
        RUNNING,
        /** The executor refused to run it (shutting down, or its queue is full); a later prompt may still run it. */
        REFUSED,
        /** Stopped with its runner: it runs no more. */
        STOPPED
    }

    /**
     * Checks the status.
     *
     * @param reader        the reader's name; not null
     * @param upstream      the followed log's name; not null
     * @param position      the id of the last notification processed, from 0
     * @param logEnd        the last id known in the log; not below {@code position}
     * @param failingId     the id being retried, or 0
     * @param failure       the last failure, or {@code null}
     * @param failedAt      when it last failed, or {@code null}
     * @param attempts      how many times in a row it has failed
     * @param parked        how many notifications are parked and unresolved
     * @param behindSince   since when it has been behind, or {@code null}
     * @param activity      what the worker is doing; not null
     * @param activitySince since when; not null
     * @param at            when the status was taken; not null
     * @param segments      how many segments the work is divided into; at least 1
     * @param held          the segments this node holds; not null
     * @throws NullPointerException     when a name, the activity, the held segments or a time other than the
     *                                  optional ones is missing
     * @throws IllegalArgumentException when {@code logEnd} is below {@code position}, or {@code segments} below 1
     */
    public ReaderStatus {
        held = List.copyOf(held);
        if (segments < 1) {
            throw new IllegalArgumentException("A reader has at least one segment, not " + segments);
        }
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(activitySince, "activitySince");
        Objects.requireNonNull(at, "at");
        if (logEnd < position) {
            throw new IllegalArgumentException("The log's end " + logEnd + " lies below the position " + position);
        }
    }

    /**
     * The status of a reader whose work is not divided: one segment, held here.
     *
     * @param reader        the reader's name; not null
     * @param upstream      the followed log's name; not null
     * @param position      the id of the last notification processed, from 0
     * @param logEnd        the last id known in the log; not below {@code position}
     * @param failingId     the id being retried, or 0
     * @param failure       the last failure, or {@code null}
     * @param failedAt      when it last failed, or {@code null}
     * @param attempts      how many times in a row it has failed
     * @param parked        how many notifications are parked and unresolved
     * @param behindSince   since when it has been behind, or {@code null}
     * @param activity      what the worker is doing; not null
     * @param activitySince since when; not null
     * @param at            when the status was taken; not null
     * @throws NullPointerException     when a name, the activity or a time other than the optional ones is missing
     * @throws IllegalArgumentException when {@code logEnd} is below {@code position}
     */
    public ReaderStatus(String reader, String upstream, long position, long logEnd, long failingId, String failure,
                        Instant failedAt, int attempts, long parked, Instant behindSince, Activity activity,
                        Instant activitySince, Instant at) {
        this(reader, upstream, position, logEnd, failingId, failure, failedAt, attempts, parked, behindSince, activity,
                activitySince, at, 1, List.of(0));
    }

    /** @return whether the last attempt to process the log failed */
    public boolean failing() {
        return failure != null;
    }

    /** @return how many notifications of the log the reader has not processed yet: {@code logEnd - position} */
    public long lag() {
        return logEnd - position;
    }

    /** @return how long the reader has been behind when the status was taken; zero when it is caught up */
    public Duration lagDuration() {
        if (behindSince == null || behindSince.isAfter(at)) {
            return Duration.ZERO;
        }
        return Duration.between(behindSince, at);
    }

    /**
     * Whether the worker has been processing one batch for longer than the bound when the status
     * was taken: a hung handler, or a blocked database call.
     *
     * @param bound how long a batch may take
     * @return true when it is running since more than {@code bound} before {@link #at}
     */
    public boolean hung(Duration bound) {
        return activity == Activity.RUNNING && Duration.between(activitySince, at).compareTo(bound) > 0;
    }

    /**
     * Whether the worker is alive: not hung beyond the bound, not refused by the executor and not stopped.
     *
     * @param bound how long a batch may take
     * @return false when the worker is hung, refused or stopped
     */
    public boolean alive(Duration bound) {
        return !hung(bound) && activity != Activity.REFUSED && activity != Activity.STOPPED;
    }
}
