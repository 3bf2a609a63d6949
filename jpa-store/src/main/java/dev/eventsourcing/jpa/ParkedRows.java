package dev.eventsourcing.jpa;

import dev.eventsourcing.jpa.entity.ParkedNotificationEntity;
import dev.eventsourcing.persistence.ParkedNotification;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Reads and inserts the rows of {@code es_parked}.
 *
 * <p>Why the insert is a native statement: two nodes may park the same notification at the same
 * moment (both tried it, both gave up). Both find no row, and both insert; with a plain insert the
 * second would fail on the primary key at its commit, and the provider would log the failure as
 * an error. On PostgreSQL ({@code ON CONFLICT DO NOTHING}) and MariaDB ({@code INSERT IGNORE})
 * the second insert instead waits for the first transaction and then inserts nothing, so the
 * recorder goes on to update the row the first one committed. H2 has no such statement outside
 * its PostgreSQL mode; there the second of two truly concurrent first parks of one notification
 * fails with an integrity error (H2 serves one process, where a reader does not park one
 * notification twice at once).
 */
final class ParkedRows {

    private static final String COLUMNS = """
            (reader, upstream, notification_id, originator_id, originator_version, topic, error, stack_trace,
             attempts, parked_at, behind, status)""";
    private static final String VALUES = " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
    private static final String POSTGRESQL_INSERT = "INSERT INTO es_parked " + COLUMNS + VALUES
            + " ON CONFLICT (reader, upstream, notification_id) DO NOTHING";
    private static final String MARIADB_INSERT = "INSERT IGNORE INTO es_parked " + COLUMNS + VALUES;
    private static final String H2_INSERT = "INSERT INTO es_parked " + COLUMNS + VALUES;

    /** The longest error message kept; longer ones are cut (see {@link StoredText#head}). */
    static final int ERROR_LENGTH = 4000;
    /** The longest stack trace kept; longer ones lose their middle (see {@link StoredText#headAndTail}). */
    static final int STACK_TRACE_LENGTH = 100_000;

    private ParkedRows() {
    }

    /**
     * Inserts the notification as parked unless a row of it exists (committed, or committed by
     * a concurrent transaction that this one waited for).
     *
     * @return whether this call inserted it
     */
    static boolean insertIfAbsent(EntityManager em, DatabaseSchema schema, ParkedNotification parked) {
        Query insert = em.createNativeQuery(switch (schema) {
            case POSTGRESQL -> POSTGRESQL_INSERT;
            case MARIADB -> MARIADB_INSERT;
            case H2 -> H2_INSERT;
        });
        insert.setParameter(1, parked.reader())
                .setParameter(2, parked.upstream())
                .setParameter(3, parked.notificationId())
                .setParameter(4, parked.originatorId())
                .setParameter(5, parked.originatorVersion())
                .setParameter(6, parked.topic())
                .setParameter(7, error(parked))
                .setParameter(8, stackTrace(parked))
                .setParameter(9, parked.attempts())
                .setParameter(10, micros(parked.parkedAt()))
                .setParameter(11, parked.behind())
                .setParameter(12, ParkedNotification.Status.PARKED.name());
        return insert.executeUpdate() > 0;
    }

    /** Replaces the failure of a row that is parked already. */
    static void park(ParkedNotificationEntity row, ParkedNotification parked) {
        row.park(parked.originatorId(), parked.originatorVersion(), parked.topic(), error(parked), stackTrace(parked),
                parked.attempts(), micros(parked.parkedAt()), parked.behind());
    }

    static ParkedNotification toRecord(ParkedNotificationEntity row) {
        return new ParkedNotification(row.reader(), row.upstream(), row.notificationId(), row.originatorId(),
                row.originatorVersion(), row.topic(), row.error(), row.stackTrace(), row.attempts(),
                instant(row.parkedAt()), row.behind(), row.status(),
                row.resolvedAt() == null ? null : instant(row.resolvedAt()));
    }

    /** Microseconds since the epoch: how times are stored (the precision every database keeps). */
    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    private static String error(ParkedNotification parked) {
        return StoredText.head(parked.error(), ERROR_LENGTH);
    }

    private static String stackTrace(ParkedNotification parked) {
        return StoredText.headAndTail(parked.stackTrace(), STACK_TRACE_LENGTH);
    }
}
