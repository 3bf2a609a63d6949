package dev.eventsourcing.jpa;

import dev.eventsourcing.jpa.entity.TrackingEntity;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.Tracking;
import jakarta.persistence.EntityManager;

/**
 * Reads and writes the tracking rows of one downstream application.
 *
 * <p>The primary key (application, upstream application, notification id) makes recording the
 * same position twice impossible, even for concurrent transactions. A position below the highest
 * one recorded is refused by a check in the same transaction ("greater-than" semantics: a
 * position covers every lower id).
 *
 * <p>Two writers of the same position are expected (processors racing for one upstream event),
 * so the loser is refused without a failing statement, which the JPA provider would log as an
 * error: on PostgreSQL the insert skips a recorded key ({@code ON CONFLICT DO NOTHING}) and the
 * row count tells; on MariaDB and H2 the writer first locks its application's row, so that the
 * check sees every position committed before (see {@link SqlDialect#lockApplication}).
 */
final class TrackingRows {

    private static final String MAX = """
            SELECT MAX(t.notificationId) FROM TrackingEntity t
            WHERE t.applicationName = :applicationName AND t.upstreamApplicationName = :upstream""";
    private static final String MAX_SQL = """
            SELECT MAX(notification_id) FROM es_tracking
            WHERE application_name = ?1 AND upstream_application_name = ?2""";
    private static final String INSERT = """
            INSERT INTO es_tracking (application_name, upstream_application_name, notification_id) VALUES (?1, ?2, ?3)""";
    private static final String INSERT_UNLESS_RECORDED = INSERT + " ON CONFLICT DO NOTHING";
    private static final String DELETE = """
            DELETE FROM es_tracking WHERE application_name = ?1 AND upstream_application_name = ?2 AND notification_id = ?3""";

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
     * Adds the position to the unit of work as an entity (the caller flushes); a concurrent
     * writer of the same position fails at the flush, on the key.
     *
     * @throws IntegrityException when the position is not above the highest one recorded
     */
    static void insert(EntityManager em, String applicationName, Tracking tracking) {
        refuseUnlessAbove(max(em, applicationName, tracking.applicationName()), applicationName, tracking);
        em.persist(new TrackingEntity(applicationName, tracking.applicationName(), tracking.notificationId()));
    }

    /**
     * PostgreSQL: inserts the position unless it is recorded; a concurrent writer of the same
     * position waits for the other's commit, and then inserts nothing.
     *
     * @throws IntegrityException when the position is recorded, or not above the highest one
     */
    static void insertUnlessRecorded(EntityManager em, String applicationName, Tracking tracking) {
        refuseUnlessAbove(max(em, applicationName, tracking.applicationName()), applicationName, tracking);
        if (bind(em.createNativeQuery(INSERT_UNLESS_RECORDED), applicationName, tracking).executeUpdate() == 0) {
            throw recordedAlready(applicationName, tracking);
        }
    }

    /**
     * MariaDB, H2: locks the application's row, then checks and inserts the position; a
     * concurrent writer waits for the lock, and then finds the position recorded.
     *
     * @throws IntegrityException when the position is not above the highest one recorded
     */
    static void insertUnderLock(EntityManager em, String applicationName, Tracking tracking, SqlDialect dialect) {
        dialect.lockApplication(em, applicationName);
        Object max = em.createNativeQuery(MAX_SQL + dialect.lockingRead())
                .setParameter(1, applicationName)
                .setParameter(2, tracking.applicationName())
                .getSingleResult();
        refuseUnlessAbove(max == null ? 0 : ((Number) max).longValue(), applicationName, tracking);
        bind(em.createNativeQuery(INSERT), applicationName, tracking).executeUpdate();
    }

    /**
     * Removes a position this unit of work inserted, when what it was recorded with is refused:
     * a caller's JTA transaction that goes on to commit must not keep it.
     */
    static void delete(EntityManager em, String applicationName, Tracking tracking) {
        bind(em.createNativeQuery(DELETE), applicationName, tracking).executeUpdate();
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, String applicationName, Tracking tracking) {
        return query.setParameter(1, applicationName)
                .setParameter(2, tracking.applicationName())
                .setParameter(3, tracking.notificationId());
    }

    private static void refuseUnlessAbove(long max, String applicationName, Tracking tracking) {
        if (tracking.notificationId() <= max) {
            throw new IntegrityException("Tracking position " + tracking.notificationId() + " of "
                    + tracking.applicationName() + " is not above " + max + ", the highest recorded by " + applicationName);
        }
    }

    private static IntegrityException recordedAlready(String applicationName, Tracking tracking) {
        return new IntegrityException("Tracking position " + tracking.notificationId() + " of "
                + tracking.applicationName() + " is recorded by " + applicationName + " already");
    }
}
