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
 *
 * <p>Single-row tracking (the default, {@link JpaSettings#SINGLE_ROW_TRACKING}) keeps one row per
 * reader and upstream application, moved up in place: {@code UPDATE ... SET notification_id = new
 * WHERE ... AND notification_id = highest}, where {@code highest} is the position read just
 * before (and checked to be below the new one), and an insert when there is none. The guarantees
 * are those of the rows above, without a row per position: on PostgreSQL a concurrent writer of
 * the same or a lower position waits for the other's row lock, then finds the row moved (READ
 * COMMITTED re-reads the updated row against the condition) and updates nothing, and writers
 * of the first row take turns on a transaction-level advisory lock of the reader and upstream
 * application, each reading the position again once it has its turn; on MariaDB and
 * H2 the reader's lock orders the writers. Either way the loser gets an {@link IntegrityException}
 * without a failing statement. Rows recorded by the multi-row mode before are read as they are
 * (the highest counts) and only the highest is moved on, so a store upgrades without migration,
 * its older rows left in place.
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
    private static final String MOVE = """
            UPDATE es_tracking SET notification_id = ?3
            WHERE application_name = ?1 AND upstream_application_name = ?2 AND notification_id = ?4""";
    // PostgreSQL: the transaction-level lock of a reader's first row for one upstream log, keyed by
    // a hash of both names (the length first, so that no two pairs make one text). Two pairs that
    // share a key only wait for each other.
    private static final String LOCK_FIRST_ROW = """
            SELECT COUNT(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended('es_tracking:' || ?1, 0))) AS l""";
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
     * Single-row: moves the position up in place, or inserts it when there is none; a concurrent
     * writer of the same position fails at the flush, on the key, or finds the row moved.
     *
     * @return the position before, 0 when there was none
     * @throws IntegrityException when the position is not above the highest one recorded, or
     *         another writer moved it meanwhile
     */
    static long advance(EntityManager em, String applicationName, Tracking tracking) {
        long max = max(em, applicationName, tracking.applicationName());
        refuseUnlessAbove(max, applicationName, tracking);
        if (max == 0) {
            em.persist(new TrackingEntity(applicationName, tracking.applicationName(), tracking.notificationId()));
        } else {
            move(em, applicationName, tracking, max);
        }
        return max;
    }

    /**
     * PostgreSQL, single-row: moves the position up from the highest one read, or inserts it
     * unless recorded; a concurrent writer waits for the other's commit, and then changes nothing.
     * Writers of the first row take turns on a lock until their commits, so that the later one
     * reads the position the earlier recorded.
     *
     * @return the position before, 0 when there was none
     * @throws IntegrityException when the position is recorded, or not above the highest one
     */
    static long advanceUnlessMoved(EntityManager em, String applicationName, Tracking tracking) {
        long max = max(em, applicationName, tracking.applicationName());
        if (max == 0) {
            // The first row: writers of it take turns, and each reads again once it has its turn.
            // Its key alone cannot keep them apart: a runner claims the position after the last
            // recorded, then moves its new row on to the last id it handled before it commits, so
            // the key a second first insert waited for is gone when that insert may go on.
            em.createNativeQuery(LOCK_FIRST_ROW)
                    .setParameter(1, applicationName.length() + ":" + applicationName + tracking.applicationName())
                    .getSingleResult();
            max = max(em, applicationName, tracking.applicationName());
        }
        refuseUnlessAbove(max, applicationName, tracking);
        if (max == 0) {
            if (bind(em.createNativeQuery(INSERT_UNLESS_RECORDED), applicationName, tracking).executeUpdate() == 0) {
                throw recordedAlready(applicationName, tracking);
            }
        } else {
            move(em, applicationName, tracking, max);
        }
        return max;
    }

    /**
     * MariaDB, H2, single-row: locks the reader's row, then checks the position and moves it up
     * in place (or inserts it when there is none).
     *
     * @return the position before, 0 when there was none
     * @throws IntegrityException when the position is not above the highest one recorded
     */
    static long advanceUnderLock(EntityManager em, String applicationName, Tracking tracking, SqlDialect dialect) {
        dialect.lockApplication(em, applicationName);
        Object read = em.createNativeQuery(MAX_SQL + dialect.lockingRead())
                .setParameter(1, applicationName)
                .setParameter(2, tracking.applicationName())
                .getSingleResult();
        long max = read == null ? 0 : ((Number) read).longValue();
        refuseUnlessAbove(max, applicationName, tracking);
        if (max == 0) {
            bind(em.createNativeQuery(INSERT), applicationName, tracking).executeUpdate();
        } else {
            move(em, applicationName, tracking, max);
        }
        return max;
    }

    private static void move(EntityManager em, String applicationName, Tracking tracking, long from) {
        // Matches no row when another writer moved the position since it was read: that writer won.
        if (bind(em.createNativeQuery(MOVE), applicationName, tracking).setParameter(4, from).executeUpdate() == 0) {
            throw recordedAlready(applicationName, tracking);
        }
    }

    /**
     * Single-row: puts back the position this unit of work moved up, when what it was recorded
     * with is refused: a caller's JTA transaction that goes on to commit must not keep it.
     *
     * @param previous the position before, as {@link #advance} returned it; 0 when there was none
     */
    static void moveBack(EntityManager em, String applicationName, Tracking tracking, long previous) {
        if (previous == 0) {
            delete(em, applicationName, tracking);
        } else {
            em.createNativeQuery(MOVE).setParameter(1, applicationName).setParameter(2, tracking.applicationName())
                    .setParameter(3, previous).setParameter(4, tracking.notificationId()).executeUpdate();
        }
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
                + tracking.applicationName() + " is recorded by " + applicationName + " already, or a higher one");
    }
}
