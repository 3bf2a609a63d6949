package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Tracking;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * PostgreSQL: concurrent writers, readers bounded by a visibility watermark.
 *
 * <p>The mechanism lives in two PL/pgSQL functions of {@code postgresql.sql}, whose comments
 * give the full argument. In short: ids come from a per-application sequence (not
 * transactional, so writers never wait for each other's commits). Before it takes its first
 * id, a writer takes a transaction-level advisory lock keyed by the sequence's value + 1, a
 * lower bound of its ids, which PostgreSQL holds until the commit or rollback is complete. A
 * reader reads the sequence value, then the keys still locked, and returns only rows below the
 * lowest of them.
 *
 * <p>One statement per append: the reservation and the insert go together (see
 * {@link EventRows#reserveAndInsertUnlessTaken}). One statement per page read as a rule: the
 * watermark is read only when the page found has a gap, since a page whose ids are all present
 * from its first on can hide nothing (see {@link #selectNotifications}; the argument is in
 * {@code postgresql.sql}). So a log read while no writer is busy never scans the lock table.
 * Every lock is transaction-level, so a statement cancelled or timed out midway leaves none
 * behind on a pooled connection (the lock that keeps a batch's ids contiguous, exclusive for a
 * batch and shared for a single id, lasts only as long as a block that rolls itself back). A
 * rolled-back transaction, including one whose version was taken, leaves a gap in the ids (a
 * check for taken versions before reserving would avoid that, but cost a quarter of the
 * throughput with 8 writers).
 *
 * <p>Writers do not wait for each other, so no check before inserting could see a version that
 * a concurrent writer is about to commit. Events and positions are therefore inserted with
 * {@code ON CONFLICT DO NOTHING}: the later of two writers of one key waits for the earlier's
 * commit, then skips the row, and the row count tells it that it lost. No statement fails, so
 * the JPA provider logs nothing.
 */
final class PostgresWatermarkStrategy implements DatabaseStrategy {

    private static final String REGISTER = "SELECT es_application_key(?1)";
    private static final String RESERVE = "SELECT es_reserve_notification_ids(?1, ?2)";
    private static final String WATERMARK = "SELECT es_notification_watermark(?1)";
    private static final String MAX_NOTIFICATION_ID = "SELECT es_max_notification_id(?1)";
    // es_read_committed() reads no row, so it is evaluated once, before the rows are read.
    private static final String SELECT_PAGE = """
            SELECT notification_id, originator_id, originator_version, topic, state FROM es_events
            WHERE application_name = ?1 AND notification_id >= ?2 AND notification_id <= ?3 AND es_read_committed()
            ORDER BY application_name, notification_id
            LIMIT ?4""";
    private static final JdbcForm SELECT_PAGE_FORM = JdbcForm.of(SELECT_PAGE);
    private static final String SELECT_NOTIFICATIONS = "SELECT * FROM es_select_notifications(?1, ?2, ?3, ?4, %s)";

    @Override
    public void register(EntityManager em, String applicationName) {
        em.createNativeQuery(REGISTER).setParameter(1, applicationName).getSingleResult();
    }

    @Override
    public long reserveNotificationIds(EntityManager em, String applicationName, List<StoredEvent> events) {
        Object first = em.createNativeQuery(RESERVE)
                .setParameter(1, applicationName)
                .setParameter(2, events.size())
                .getSingleResult();
        return ((Number) first).longValue();
    }

    @Override
    public void insertEvents(EntityManager em, String applicationName, long firstId, List<StoredEvent> events) {
        EventRows.insertUnlessTaken(em, applicationName, firstId, events);
    }

    @Override
    public long appendEvents(EntityManager em, String applicationName, List<StoredEvent> events) {
        if (!EventRows.fitsOneStatement(events)) {
            return DatabaseStrategy.super.appendEvents(em, applicationName, events);
        }
        return EventRows.reserveAndInsertUnlessTaken(em, applicationName, events);
    }

    /**
     * A page of every topic is selected in a plain statement, and returned when its ids run
     * without a gap from the first asked for (or it is empty): in one snapshot, every id up to
     * its last is then taken by a committed row, and no row can appear among them later (the
     * argument is written beside {@code es_select_notifications} in {@code postgresql.sql}). Else,
     * or when the selection keeps only some topics (the test must then see the ids of the other
     * topics too, which the server makes), the function does it all in one call: the same test,
     * then the watermark and a select below it.
     */
    @Override
    public List<Notification> selectNotifications(EntityManager em, String applicationName,
                                                  NotificationSelection selection) {
        return selectPage(em, applicationName, selection).notifications();
    }

    /**
     * {@link #selectNotifications}, saying whether the page is settled: read by the plain
     * statement, its rows are every one committed from the first id asked for (up to the limit),
     * so a notification committed later has an id above them and is announced after its commit.
     * A page read through the function may have left rows committed after an id still in
     * progress below the watermark's reach, and is not settled.
     */
    NotificationPage selectPage(EntityManager em, String applicationName, NotificationSelection selection) {
        if (selection.topics().isEmpty()) {
            List<Notification> page = NotificationRows.select(em, SELECT_PAGE_FORM, applicationName,
                    selection.firstId(), selection.stop() == null ? Long.MAX_VALUE : selection.stop(), selection.limit());
            if (page.isEmpty() || withoutGap(page, selection.firstId())) {
                return new NotificationPage(page, true);
            }
        }
        return new NotificationPage(selectThroughFunction(em, applicationName, selection), false);
    }

    // Ids are unique and ascending, so they run without a gap exactly when the last is the first
    // plus the count, minus 1. Ids start at 1: a read from below 1 is a read from 1.
    private static boolean withoutGap(List<Notification> page, long firstId) {
        return page.get(page.size() - 1).id() - Math.max(firstId, 1) == page.size() - 1;
    }

    private static List<Notification> selectThroughFunction(EntityManager em, String applicationName,
                                                            NotificationSelection selection) {
        List<String> topics = List.copyOf(selection.topics());
        StringBuilder array = new StringBuilder(topics.isEmpty() ? "CAST(NULL AS VARCHAR[])" : "CAST(ARRAY[");
        for (int i = 0; i < topics.size(); i++) {
            array.append(i == 0 ? "?" : ", ?").append(5 + i);
        }
        if (!topics.isEmpty()) {
            // The blank keeps EclipseLink from reading the bracket into the parameter's name.
            array.append(" ] AS VARCHAR[])");
        }
        Object[] values = new Object[4 + topics.size()];
        values[0] = applicationName;
        values[1] = selection.firstId();
        values[2] = selection.stop() == null ? Long.MAX_VALUE : selection.stop();
        values[3] = selection.limit();
        for (int i = 0; i < topics.size(); i++) {
            values[4 + i] = topics.get(i);
        }
        return NotificationRows.select(em, JdbcForm.of(SELECT_NOTIFICATIONS.formatted(array)), values);
    }

    @Override
    public long maxNotificationId(EntityManager em, String applicationName) {
        return ((Number) em.createNativeQuery(MAX_NOTIFICATION_ID)
                .setParameter(1, applicationName)
                .getSingleResult()).longValue();
    }

    @Override
    public void insertTracking(EntityManager em, String applicationName, Tracking tracking) {
        TrackingRows.insertUnlessRecorded(em, applicationName, tracking);
    }

    @Override
    public long recordTracking(EntityManager em, String applicationName, Tracking tracking, boolean singleRow) {
        if (!singleRow) {
            insertTracking(em, applicationName, tracking);
            return 0;
        }
        return TrackingRows.advanceUnlessMoved(em, applicationName, tracking);
    }

    @Override
    public long visibleUpTo(EntityManager em, String applicationName) {
        Object watermark = em.createNativeQuery(WATERMARK)
                .setParameter(1, applicationName)
                .getSingleResult();
        return ((Number) watermark).longValue();
    }

    @Override
    public DatabaseSchema schema() {
        return DatabaseSchema.POSTGRESQL;
    }

    @Override
    public String toString() {
        return "postgresql";
    }
}
