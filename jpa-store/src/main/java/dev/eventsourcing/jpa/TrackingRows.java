package dev.eventsourcing.jpa;

import dev.eventsourcing.jpa.entity.TrackingEntity;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.Tracking;
import jakarta.persistence.EntityManager;

/**
 * Reads and writes the tracking rows of one downstream application.
 *
 * <p>The primary key (application, upstream application, notification id) makes recording the
 * same position twice impossible, even for concurrent transactions: the second waits for the
 * first and then fails. A position below the highest one recorded is refused by a check in the
 * same transaction ("greater-than" semantics: a position covers every lower id).
 */
final class TrackingRows {

    private static final String MAX = """
            SELECT MAX(t.notificationId) FROM TrackingEntity t
            WHERE t.applicationName = :applicationName AND t.upstreamApplicationName = :upstream""";

    private TrackingRows() {
    }

    static long max(EntityManager em, String applicationName, String upstreamApplicationName) {
        Long max = em.createQuery(MAX, Long.class)
                .setParameter("applicationName", applicationName)
                .setParameter("upstream", upstreamApplicationName)
                .getSingleResult();
        return max == null ? 0 : max;
    }

    /**
     * Adds the position to the unit of work (the caller flushes).
     *
     * @throws IntegrityException when the position is not above the highest one recorded
     */
    static void insert(EntityManager em, String applicationName, Tracking tracking) {
        long max = max(em, applicationName, tracking.applicationName());
        if (tracking.notificationId() <= max) {
            throw new IntegrityException("Tracking position " + tracking.notificationId() + " of "
                    + tracking.applicationName() + " is not above " + max + ", the highest recorded by " + applicationName);
        }
        em.persist(new TrackingEntity(applicationName, tracking.applicationName(), tracking.notificationId()));
    }
}
