package dev.eventsourcing.system;

import java.time.Instant;
import java.util.Objects;

/**
 * How far a reader (a projection, or a process application following a leader) has processed
 * one notification log, and whether it is failing.
 *
 * @param reader    the projection's or process application's name
 * @param upstream  the name of the log it follows: an application's, or the name given to a log
 *                  of another deployment
 * @param position  the id of the last notification processed (0 for none)
 * @param failingId the id of the notification that failed last and is being retried, or 0 (when
 *                  healthy, or when the failure was outside a handler, e.g. the log could not be read)
 * @param failure   the last failure's exception class and message, or {@code null} when the last
 *                  attempt succeeded
 * @param failedAt  when it last failed, or {@code null}
 * @param attempts  how many times in a row it has failed
 * @param parked    how many notifications of this log the reader has parked and not yet resolved
 */
public record ReaderStatus(String reader, String upstream, long position, long failingId, String failure,
                           Instant failedAt, int attempts, long parked) {

    public ReaderStatus {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(upstream, "upstream");
    }

    /** Whether the last attempt to process the log failed. */
    public boolean failing() {
        return failure != null;
    }
}
