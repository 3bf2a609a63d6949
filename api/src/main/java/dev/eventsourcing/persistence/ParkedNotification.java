package dev.eventsourcing.persistence;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A notification that a reader (a projection or a process application) set aside because it
 * could not process it: its handler failed too often, it could not be decoded, or an earlier
 * notification of the same originator is parked ({@link #behind} names that one). The reader went
 * on with the rest of the log; the notification waits here until it is retried or skipped.
 *
 * @param reader            the projection's or process application's name
 * @param upstream          the name of the log it was read from
 * @param notificationId    its id in that log
 * @param originatorId      the originator of its event
 * @param originatorVersion the version of its event
 * @param topic             the topic of its event
 * @param error             the failure's class and message
 * @param stackTrace        the failure's stack trace, or empty
 * @param attempts          how many times processing it was tried
 * @param parkedAt          when it was parked
 * @param behind            the id of the parked notification of the same originator that this
 *                          one waits behind, or 0 when it failed itself
 * @param status            parked, or what was done about it
 * @param resolvedAt        when it was retried successfully or skipped; {@code null} while parked
 */
public record ParkedNotification(String reader, String upstream, long notificationId, UUID originatorId,
                                 long originatorVersion, String topic, String error, String stackTrace, int attempts,
                                 Instant parkedAt, long behind, Status status, Instant resolvedAt) {

    /** What became of a parked notification. */
    public enum Status {
        /** Waiting: not processed. */
        PARKED,
        /** Retried later and processed then. */
        RETRIED,
        /** Skipped on purpose: never processed. */
        SKIPPED
    }

    /**
     * Checks the components; a null stack trace becomes empty.
     *
     * @param reader            the reader's name; not null
     * @param upstream          the upstream log's name; not null
     * @param notificationId    the id in that log; at least 1
     * @param originatorId      the event's originator; not null
     * @param originatorVersion the event's version
     * @param topic             the event's topic; not null
     * @param error             the failure; not null
     * @param stackTrace        the stack trace; {@code null} for none
     * @param attempts          how many tries; not negative
     * @param parkedAt          when it was parked; not null
     * @param behind            the id it waits behind, or 0
     * @param status            the status; not null
     * @param resolvedAt        when it was resolved, or {@code null}
     * @throws NullPointerException     when a component said not null is null
     * @throws IllegalArgumentException when the id is below 1 or the attempts are negative
     */
    public ParkedNotification {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(originatorId, "originatorId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(error, "error");
        stackTrace = stackTrace == null ? "" : stackTrace;
        Objects.requireNonNull(parkedAt, "parkedAt");
        Objects.requireNonNull(status, "status");
        if (notificationId < 1) {
            throw new IllegalArgumentException("Notification ids start at 1, was " + notificationId);
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("Attempts cannot be negative, was " + attempts);
        }
    }

    /** @return whether it still waits to be processed: its status is {@link Status#PARKED} */
    public boolean parked() {
        return status == Status.PARKED;
    }

    /**
     * The same notification, resolved with the status at the time given.
     *
     * @param resolution what was done: {@link Status#RETRIED} or {@link Status#SKIPPED}
     * @param at         when; not null
     * @return a new parked notification with that status and resolution time
     * @throws NullPointerException when the resolution or the time is null
     */
    public ParkedNotification resolved(Status resolution, Instant at) {
        return new ParkedNotification(reader, upstream, notificationId, originatorId, originatorVersion, topic, error,
                stackTrace, attempts, parkedAt, behind, resolution, Objects.requireNonNull(at, "at"));
    }
}
