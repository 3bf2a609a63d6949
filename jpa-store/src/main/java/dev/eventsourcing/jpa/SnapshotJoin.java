package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.DataException;
import dev.eventsourcing.persistence.SnapshotAndEvents;
import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.EntityManager;
import java.sql.Blob;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Selects an aggregate's latest snapshot from {@code es_aggregate_events} and its events after
 * that snapshot from {@code es_events} in one statement: one round trip instead of two, and, as
 * one statement reads one state of the database on every database we support, a snapshot and
 * events that belong together, without a transaction around them.
 *
 * <p>The statement is plain SQL that PostgreSQL, MariaDB and H2 all run, and each of its parts
 * is a seek on a primary or unique key. The latest snapshot is the first row of the aggregate's
 * range read newest first, ordered by version alone: with the equalities on the key's other
 * columns every one of them reads that as a backward seek that stops at one row (MariaDB sorts
 * the whole range when the order names every column of the key, and PostgreSQL may read a
 * {@code MAX} in a generic plan by scanning every snapshot of the aggregate). It is found a
 * second time in the events' part, as the lower bound of their index scan, rather than joined,
 * which would make the bound a filter of every event.
 */
final class SnapshotJoin {

    // ?1 snapshot recorder, ?2 originator id (as text, cast alike everywhere), ?3 highest version,
    // ?4 application, ?5 the highest version kept below Long.MAX_VALUE, so that the version + 1
    // cannot overflow (a snapshot at Long.MAX_VALUE then leaves the bound lower, and the read
    // drops the events up to the snapshot's version), ?6 the lower bound without a snapshot.
    private static final String SELECT = """
            (SELECT 1 AS kind, s.originator_version, s.topic, s.state
               FROM es_aggregate_events s
              WHERE s.recorder_name = ?1 AND s.originator_id = CAST(?2 AS UUID) AND s.originator_version <= ?3
              ORDER BY s.originator_version DESC
              LIMIT 1)
            UNION ALL
            SELECT 0, e.originator_version, e.topic, e.state
              FROM es_events e
             WHERE e.application_name = ?4 AND e.originator_id = CAST(?2 AS UUID) AND e.originator_version <= ?3
               AND e.originator_version >= COALESCE((SELECT l.originator_version + 1 FROM es_aggregate_events l
                     WHERE l.recorder_name = ?1 AND l.originator_id = CAST(?2 AS UUID) AND l.originator_version <= ?5
                     ORDER BY l.originator_version DESC
                     LIMIT 1), ?6)""";

    private SnapshotJoin() {
    }

    /**
     * The latest snapshot of the recorder's up to {@code upTo} and the application's events after
     * it up to {@code upTo}, in version order.
     */
    static SnapshotAndEvents select(EntityManager em, String snapshotRecorder, String applicationName,
                                    UUID originatorId, Long upTo) {
        long highest = upTo == null ? Long.MAX_VALUE : upTo;
        List<?> rows = em.createNativeQuery(SELECT)
                .setParameter(1, snapshotRecorder)
                .setParameter(2, originatorId.toString())
                .setParameter(3, highest)
                .setParameter(4, applicationName)
                .setParameter(5, Math.min(highest, Long.MAX_VALUE - 1))
                .setParameter(6, Long.MIN_VALUE)
                .getResultList();
        StoredEvent snapshot = null;
        List<StoredEvent> events = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            StoredEvent read = new StoredEvent(originatorId, ((Number) columns[1]).longValue(), (String) columns[2],
                    bytes(columns[3]));
            if (((Number) columns[0]).intValue() == 1) {
                snapshot = read;
            } else {
                events.add(read);
            }
        }
        if (snapshot != null) {
            long version = snapshot.originatorVersion();
            events.removeIf(event -> event.originatorVersion() <= version);
        }
        // UNION ALL promises no order; the rows usually come in index order already, which the
        // sort then only confirms in one pass.
        events.sort(Comparator.comparingLong(StoredEvent::originatorVersion));
        return new SnapshotAndEvents(snapshot, events);
    }

    // Providers return a binary column as byte[], but may return a LOB for MariaDB's LONGBLOB.
    private static byte[] bytes(Object value) {
        if (value instanceof Blob blob) {
            try {
                return blob.getBytes(1, (int) blob.length());
            } catch (SQLException e) {
                throw new DataException("Reading a stored event's state failed", e);
            }
        }
        return (byte[]) value;
    }
}
