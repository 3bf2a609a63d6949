package dev.eventsourcing.cdi;

import java.time.Instant;
import java.util.Objects;

/**
 * How far a projection (or a process application) has processed one notification log, and
 * whether it is failing.
 *
 * @param projection    the projection's name
 * @param application   the name of the application whose log it follows, or the name given to
 *                      a log of another deployment in its {@code follow} setting
 * @param position      the id of the last notification processed (0 for none)
 * @param failingId     the id of the notification whose handler failed last and is being
 *                      retried, or 0 (when healthy, or when the failure was outside a handler,
 *                      e.g. the database or the other deployment was unreachable)
 * @param failure       the last failure's exception class and message, or {@code null} when the
 *                      last attempt succeeded
 * @param failedAt      when it last failed, or {@code null}
 * @param attempts      how many times in a row the failing notification has failed
 */
public record ProjectionStatus(String projection, String application, long position, long failingId,
                               String failure, Instant failedAt, int attempts) {

    public ProjectionStatus {
        Objects.requireNonNull(projection, "projection");
        Objects.requireNonNull(application, "application");
    }

    /** Whether the last attempt to process the log failed. */
    public boolean failing() {
        return failure != null;
    }
}
