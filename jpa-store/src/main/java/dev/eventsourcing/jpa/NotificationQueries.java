package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;

/**
 * Reads a notification log bounded by a strategy's {@linkplain DatabaseStrategy#visibleUpTo
 * watermark}: the portable way, in two statements (the watermark, then the rows), for the
 * strategies that read no faster way.
 */
final class NotificationQueries {

    // Records built straight from the rows, ordered along the whole index (see
    // EventQueries.selectEventsJpql for why).
    private static final String SELECT = """
            SELECT NEW dev.eventsourcing.persistence.Notification(
                e.notificationId, e.originatorId, e.originatorVersion, e.topic, e.state)
            FROM StoredEventEntity e
            WHERE e.applicationName = :applicationName
              AND e.notificationId >= :first AND e.notificationId <= :last
            ORDER BY e.applicationName, e.notificationId""";
    private static final String SELECT_OF_TOPICS = """
            SELECT NEW dev.eventsourcing.persistence.Notification(
                e.notificationId, e.originatorId, e.originatorVersion, e.topic, e.state)
            FROM StoredEventEntity e
            WHERE e.applicationName = :applicationName
              AND e.notificationId >= :first AND e.notificationId <= :last AND e.topic IN :topics
            ORDER BY e.applicationName, e.notificationId""";
    private static final String MAX = """
            SELECT MAX(e.notificationId) FROM StoredEventEntity e
            WHERE e.applicationName = :applicationName AND e.notificationId <= :last""";

    private NotificationQueries() {
    }

    /** The selected notifications at or below the strategy's watermark. */
    static List<Notification> select(DatabaseStrategy database, EntityManager em, String applicationName,
                                     NotificationSelection selection) {
        // The watermark first, in a statement of its own: the select's snapshot must be taken
        // after it, or a row committed in between could be skipped.
        long last = Math.min(database.visibleUpTo(em, applicationName),
                selection.stop() == null ? Long.MAX_VALUE : selection.stop());
        if (last < selection.firstId()) {
            return List.of();
        }
        TypedQuery<Notification> query = em.createQuery(selection.topics().isEmpty() ? SELECT : SELECT_OF_TOPICS,
                        Notification.class)
                .setParameter("applicationName", applicationName)
                .setParameter("first", selection.firstId())
                .setParameter("last", last)
                .setMaxResults(selection.limit());
        if (!selection.topics().isEmpty()) {
            query.setParameter("topics", selection.topics());
        }
        return query.getResultList();
    }

    /** The highest stored id at or below the strategy's watermark, 0 when there is none. */
    static long max(DatabaseStrategy database, EntityManager em, String applicationName) {
        long last = database.visibleUpTo(em, applicationName);
        Long max = em.createQuery(MAX, Long.class)
                .setParameter("applicationName", applicationName)
                .setParameter("last", last)
                .getSingleResult();
        return max == null ? 0L : max;
    }
}
