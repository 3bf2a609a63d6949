package dev.eventsourcing.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the notifications that readers parked (see {@link ParkedNotification}), in the event
 * store, keyed by reader, upstream log and notification id.
 *
 * <p>Parking is idempotent: parking a notification that is parked already replaces the error,
 * the attempts and the time, so a reader that crashed between parking a notification and
 * recording its position parks it again without a duplicate. A resolved (retried or skipped)
 * notification stays recorded, with its resolution and time, as the trail of what was done.
 */
public interface ParkingRecorder {

    /**
     * Parks the notification, or updates it when it is parked already.
     *
     * @throws IntegrityException when it was resolved already (a resolved notification is not parked again)
     */
    void park(ParkedNotification parked);

    /** Whether the reader has a notification of this originator parked (not yet resolved) in the upstream log. */
    boolean isParked(String reader, String upstream, UUID originatorId);

    /**
     * The originators of which the reader has notifications parked (not yet resolved) in the
     * upstream log: one query per batch, for a reader that parks later notifications of those
     * originators behind them.
     */
    Set<UUID> parkedOriginators(String reader, String upstream);

    /** The notification as recorded, in any status. */
    Optional<ParkedNotification> get(String reader, String upstream, long notificationId);

    /**
     * Notifications recorded for the reader (every reader when {@code null}), in the given
     * status (every status when {@code null}), ordered by reader, upstream and notification id,
     * at most {@code limit} of them.
     */
    List<ParkedNotification> select(String reader, ParkedNotification.Status status, int limit);

    /**
     * Records that a parked notification was retried successfully or skipped.
     *
     * @throws IllegalArgumentException when {@code resolution} is {@code PARKED}
     * @throws IntegrityException       when no such notification is parked (unknown, or resolved already)
     */
    void resolve(String reader, String upstream, long notificationId, ParkedNotification.Status resolution, Instant at);
}
