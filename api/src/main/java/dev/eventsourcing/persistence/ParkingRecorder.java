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
     * @param parked the notification, with status {@link ParkedNotification.Status#PARKED}
     * @throws IntegrityException when it was resolved already (a resolved notification is not parked again)
     */
    void park(ParkedNotification parked);

    /**
     * Whether the reader has a notification of this originator parked (not yet resolved) in the upstream log.
     *
     * @param reader       the reader's name
     * @param upstream     the upstream log's name
     * @param originatorId the originator
     * @return true when at least one of its notifications is parked
     */
    boolean isParked(String reader, String upstream, UUID originatorId);

    /**
     * The originators of which the reader has notifications parked (not yet resolved) in the
     * upstream log: one query per batch, for a reader that parks later notifications of those
     * originators behind them.
     *
     * @param reader   the reader's name
     * @param upstream the upstream log's name
     * @return the originators; empty when nothing is parked
     */
    Set<UUID> parkedOriginators(String reader, String upstream);

    /**
     * The notification as recorded, in any status.
     *
     * @param reader         the reader's name
     * @param upstream       the upstream log's name
     * @param notificationId the notification's id in that log
     * @return the recorded notification; empty when the reader never parked it
     */
    Optional<ParkedNotification> get(String reader, String upstream, long notificationId);

    /**
     * Notifications recorded for the reader (every reader when {@code null}), in the given
     * status (every status when {@code null}), ordered by reader, upstream and notification id,
     * at most {@code limit} of them.
     *
     * @param reader the reader's name, or {@code null} for every reader
     * @param status the status, or {@code null} for every status
     * @param limit  the most notifications returned; not negative
     * @return the notifications; empty when none matches
     * @throws IllegalArgumentException when the limit is negative
     */
    List<ParkedNotification> select(String reader, ParkedNotification.Status status, int limit);

    /**
     * Records that a parked notification was retried successfully or skipped.
     *
     * @param reader         the reader's name
     * @param upstream       the upstream log's name
     * @param notificationId the notification's id in that log
     * @param resolution     what was done: {@code RETRIED} or {@code SKIPPED}
     * @param at             when it was done
     * @throws IllegalArgumentException when {@code resolution} is {@code PARKED}
     * @throws IntegrityException       when no such notification is parked (unknown, or resolved already)
     */
    void resolve(String reader, String upstream, long notificationId, ParkedNotification.Status resolution, Instant at);
}
