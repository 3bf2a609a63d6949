package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.ConcurrencyConflictException;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Tracking;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;

/**
 * Serialised writers: each writer increments its application's counter row in
 * {@code es_applications} and keeps the row locked until it commits or rolls back.
 *
 * <p>Why readers never skip: the next writer of the application can read the counter only after
 * the previous one has finished, so ids are assigned in commit order and a snapshot always sees
 * a prefix of the log. A rolled-back writer also rolls back its increment, so there are no gaps.
 * The price is that writers of one application commit one at a time (no group commit); writers
 * of different applications do not wait for each other.
 *
 * <p>The same lock makes conflicts quiet: holding it, a writer sees every version committed by
 * the writers before it, so it checks the batch's versions in the statement that reads the
 * counter and refuses a taken one before inserting anything, instead of letting the insert fail
 * on the unique key (which the JPA provider would log as an error). Tracking positions are
 * checked under the same row lock (see {@link TrackingRows}); on PostgreSQL they are inserted
 * with {@code ON CONFLICT DO NOTHING} instead, which needs no lock.
 */
final class CounterRowStrategy implements DatabaseStrategy {

    private static final String INCREMENT = """
            UPDATE es_applications SET last_notification_id = last_notification_id + ?1
            WHERE application_name = ?2""";
    // The counter, and how many stored events lie in the batch's version ranges, in one round trip.
    private static final String LAST_ID_AND_TAKEN = """
            SELECT a.last_notification_id, COUNT(e.originator_version)
            FROM es_applications a LEFT JOIN es_events e
              ON e.application_name = a.application_name AND %s
            WHERE a.application_name = ?1
            GROUP BY a.last_notification_id""";
    // H2, for a batch of several originators: the same with one counting subquery per originator
    // (see VersionRanges.countEach), since H2 scans the application's events for an OR of them.
    private static final String LAST_ID_AND_TAKEN_EACH = """
            SELECT a.last_notification_id, %s
            FROM es_applications a
            WHERE a.application_name = ?1""";
    // MariaDB: the same from the transaction's snapshot, without locks, and the highest id in it.
    private static final String LAST_ID_TAKEN_AND_SEEN = """
            SELECT a.last_notification_id,
              (SELECT COUNT(*) FROM es_events e WHERE e.application_name = a.application_name AND %s),
              (SELECT MAX(s.notification_id) FROM es_events s WHERE s.application_name = a.application_name)
            FROM es_applications a
            WHERE a.application_name = ?1""";
    private static final String TAKEN_VERSIONS = """
            SELECT originator_version FROM es_events
            WHERE application_name = ?1 AND originator_id = CAST(?2 AS UUID) AND originator_version BETWEEN ?3 AND ?4""";

    // The highest stored id from the counter's value up: an index seek to a row or two, where
    // MAX over all of an application's ids is a scan of them all on H2 (it seeks only for a MAX
    // without conditions). Null when no id from the counter up is stored.
    private static final String MAX_FROM_COUNTER = """
            SELECT (SELECT MAX(e.notification_id) FROM es_events e
                    WHERE e.application_name = a.application_name AND e.notification_id >= a.last_notification_id)
            FROM es_applications a
            WHERE a.application_name = ?1""";

    // MariaDB: a page again, from the latest committed rows instead of the transaction's snapshot
    // (a locking read), up to the highest id the snapshot showed; %s is the topic condition.
    private static final String SELECT_LATEST = """
            SELECT notification_id, originator_id, originator_version, topic, state FROM es_events
            WHERE application_name = ?1 AND notification_id >= ?2 AND notification_id <= ?3%s
            ORDER BY application_name, notification_id
            LIMIT ?4 LOCK IN SHARE MODE""";
    private static final JdbcForm SELECT_LATEST_ALL = JdbcForm.of(SELECT_LATEST.formatted(""));
    // MariaDB: how many ids the transaction's snapshot holds in a range, whatever their topics.
    private static final String COUNT_IDS = """
            SELECT COUNT(*) FROM es_events WHERE application_name = ?1 AND notification_id BETWEEN ?2 AND ?3""";

    private final SqlDialect dialect;

    CounterRowStrategy(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** The database this strategy's SQL is written for. */
    SqlDialect dialect() {
        return dialect;
    }

    @Override
    public long reserveNotificationIds(EntityManager em, String applicationName, List<StoredEvent> events) {
        int count = events.size();
        // The UPDATE locks the row until commit; it reads the latest committed counter whatever
        // the isolation level, and a concurrent writer waits here.
        if (increment(em, applicationName, count) == 0) {
            dialect.register(em, applicationName);
            increment(em, applicationName, count);
        }
        VersionRanges ranges = new VersionRanges(events);
        Object[] row = dialect == SqlDialect.MARIADB ? fromSnapshot(em, applicationName, ranges, count) : null;
        if (row == null) {
            String sql = dialect == SqlDialect.H2 && ranges.size() > 1
                    ? LAST_ID_AND_TAKEN_EACH.formatted(ranges.countEach("a", 2))
                    : LAST_ID_AND_TAKEN.formatted(ranges.condition("e", 2)) + dialect.lockingRead();
            row = (Object[]) ranges.bind(em.createNativeQuery(sql), 2)
                    .setParameter(1, applicationName)
                    .getSingleResult();
        }
        if (((Number) row[1]).longValue() > 0) {
            refuseTakenVersion(em, applicationName, ranges, count);
        }
        return ((Number) row[0]).longValue() - count + 1;
    }

    /**
     * MariaDB: the counter and the count of taken versions read from the transaction's snapshot,
     * or null when that snapshot may miss versions committed before this writer took the lock.
     *
     * <p>Why: a locking read of versions that are not stored yet locks the gap of the unique key
     * where they would go, and where two applications' keys meet, writers of both can each lock
     * that gap and then wait for the other's lock to insert (InnoDB kills one with a deadlock).
     * A plain read locks nothing, but under REPEATABLE READ it returns the snapshot of the
     * transaction's first plain read, which a caller's transaction may have made before this
     * writer took the lock. The snapshot is known to be current when it holds the last id handed
     * out before this writer's: ids are handed out in commit order without gaps, so a snapshot
     * that holds that id holds every event the application committed, and no other writer of
     * the application can commit before this one. Otherwise (an older snapshot, or a log whose
     * last events were deleted) the caller falls back to the locking read.
     */
    private static Object[] fromSnapshot(EntityManager em, String applicationName, VersionRanges ranges, int count) {
        Object[] row = (Object[]) ranges.bind(em.createNativeQuery(
                        LAST_ID_TAKEN_AND_SEEN.formatted(ranges.condition("e", 2))), 2)
                .setParameter(1, applicationName)
                .getSingleResult();
        long before = ((Number) row[0]).longValue() - count;
        long seen = row[2] == null ? 0 : ((Number) row[2]).longValue();
        return seen == before ? row : null;
    }

    private void refuseTakenVersion(EntityManager em, String applicationName, VersionRanges ranges, int count) {
        StoredEvent taken = ranges.firstTaken(em, TAKEN_VERSIONS + dialect.lockingRead(), applicationName);
        if (taken != null) {
            // Give the ids back: a caller's JTA transaction may catch the conflict and commit.
            increment(em, applicationName, -count);
            throw new ConcurrencyConflictException(taken.originatorId(), taken.originatorVersion(), null);
        }
    }

    @Override
    public void insertTracking(EntityManager em, String applicationName, Tracking tracking) {
        if (dialect == SqlDialect.POSTGRESQL) {
            TrackingRows.insertUnlessRecorded(em, applicationName, tracking);
        } else {
            TrackingRows.insertUnderLock(em, applicationName, tracking, dialect);
        }
    }

    @Override
    public long recordTracking(EntityManager em, String applicationName, Tracking tracking, boolean singleRow) {
        if (!singleRow) {
            insertTracking(em, applicationName, tracking);
            return 0;
        }
        return dialect == SqlDialect.POSTGRESQL ? TrackingRows.advanceUnlessMoved(em, applicationName, tracking)
                : TrackingRows.advanceUnderLock(em, applicationName, tracking, dialect);
    }

    /**
     * Adds the row of a downstream reader whose positions are checked under its lock (MariaDB,
     * H2), ahead of its first position, so that first writers meeting there do not race to add it.
     */
    void registerReader(EntityManager em, String readerName) {
        if (dialect != SqlDialect.POSTGRESQL) {
            dialect.register(em, readerName);
        }
    }

    /**
     * {@inheritDoc} On H2, where a reader could otherwise be served a result cached before the
     * latest commits, it first turns that cache off (see {@link H2ResultReuse}); H2 commits the
     * transaction when a setting changes, which in this unit of work of its own commits nothing
     * else. Writers registering on first use add the row only.
     */
    @Override
    public void register(EntityManager em, String applicationName) {
        if (dialect == SqlDialect.H2) {
            H2ResultReuse.turnOffWhereStale(em);
        }
        dialect.register(em, applicationName);
    }

    private static int increment(EntityManager em, String applicationName, int count) {
        return em.createNativeQuery(INCREMENT)
                .setParameter(1, count)
                .setParameter(2, applicationName)
                .executeUpdate();
    }

    @Override
    public long visibleUpTo(EntityManager em, String applicationName) {
        return Long.MAX_VALUE;
    }

    /**
     * {@inheritDoc} Here every committed id is safe to read, and the counter is the last id
     * handed out (it commits with the events and is given back by a refused batch), so the
     * highest stored id is found from the counter up in one statement; the plain maximum is the
     * fallback for a log whose last events are gone (the counter then stands above them), or an
     * application not registered yet.
     */
    @Override
    public long maxNotificationId(EntityManager em, String applicationName) {
        List<?> rows = em.createNativeQuery(MAX_FROM_COUNTER).setParameter(1, applicationName).getResultList();
        if (!rows.isEmpty() && rows.get(0) != null) {
            return ((Number) rows.get(0)).longValue();
        }
        return DatabaseStrategy.super.maxNotificationId(em, applicationName);
    }

    /**
     * {@inheritDoc}
     *
     * <p>On MariaDB, a page whose ids do not run without a gap from the first asked for is read
     * again with a locking read. Why: ids are handed out in commit order without gaps (the
     * counter row is locked until commit, a refused batch gives its ids back, a rollback takes
     * the counter back with it), so a snapshot should hold every id up to the highest it holds.
     * But a test of concurrent writers and a polling reader met a snapshot that held a writer's
     * ids and missed those of the writer before it, which released the counter only after its
     * commit was visible: a reader going on from the higher ids would skip the lower ones for
     * good. (InnoDB, it seems, makes a snapshot by walking its table of active transactions
     * without stopping commits, so a writer committing meanwhile can be missed.) By the time the snapshot is made, every writer of an id at or below the highest
     * it holds has committed, so the latest committed rows up to that id are every row there
     * will ever be; an id still missing among them was deleted. With a topic filter the test
     * counts the ids of every topic in the snapshot, since those of the other topics are not
     * returned. The locking read takes shared locks until the transaction ends; it is paid only
     * when the snapshot has a gap, which without deleted rows is this race.
     */
    @Override
    public List<Notification> selectNotifications(EntityManager em, String applicationName,
                                                  NotificationSelection selection) {
        List<Notification> page = DatabaseStrategy.super.selectNotifications(em, applicationName, selection);
        if (dialect != SqlDialect.MARIADB || page.isEmpty()) {
            return page;
        }
        long first = Math.max(selection.firstId(), 1);
        long last = page.get(page.size() - 1).id();
        long present = selection.topics().isEmpty() ? page.size() : ((Number) em.createNativeQuery(COUNT_IDS)
                .setParameter(1, applicationName).setParameter(2, first).setParameter(3, last)
                .getSingleResult()).longValue();
        if (present == last - first + 1) {
            return page;
        }
        return latest(em, applicationName, selection, first, last);
    }

    private static List<Notification> latest(EntityManager em, String applicationName, NotificationSelection selection,
                                             long first, long last) {
        List<String> topics = List.copyOf(selection.topics());
        Object[] values = new Object[4 + topics.size()];
        values[0] = applicationName;
        values[1] = first;
        values[2] = last;
        values[3] = selection.limit();
        if (topics.isEmpty()) {
            return NotificationRows.select(em, SELECT_LATEST_ALL, values);
        }
        StringBuilder condition = new StringBuilder(" AND topic IN (");
        for (int i = 0; i < topics.size(); i++) {
            condition.append(i == 0 ? "?" : ", ?").append(5 + i);
            values[4 + i] = topics.get(i);
        }
        return NotificationRows.select(em, JdbcForm.of(SELECT_LATEST.formatted(condition.append(')'))), values);
    }

    @Override
    public DatabaseSchema schema() {
        return dialect.schema();
    }

    @Override
    public String toString() {
        return dialect.name().toLowerCase(Locale.ROOT) + (dialect == SqlDialect.POSTGRESQL ? "-serialised" : "");
    }
}
