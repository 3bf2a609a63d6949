package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.SnapshotAndEvents;
import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    private static final JdbcForm SELECT_FORM = JdbcForm.of(SELECT);

    private SnapshotJoin() {
    }

    /**
     * The latest snapshot of the recorder's up to {@code upTo} and the application's events after
     * it up to {@code upTo}, in version order: through JDBC on the transaction's connection where
     * the provider gives it (see {@link TransactionConnections}), else as a native query.
     */
    static SnapshotAndEvents select(EntityManager em, String snapshotRecorder, String applicationName,
                                    UUID originatorId, Long upTo) {
        Object[] parameters = parameters(snapshotRecorder, applicationName, originatorId, upTo);
        return TransactionConnections.run(em, connection -> selectThrough(connection, parameters, new Rows(originatorId)))
                .orElseGet(() -> selectNatively(em, parameters, new Rows(originatorId))).read();
    }

    /** The parameters of the statement, by their numbers from 1. */
    static Object[] parameters(String snapshotRecorder, String applicationName, UUID originatorId, Long upTo) {
        long highest = upTo == null ? Long.MAX_VALUE : upTo;
        return new Object[] {snapshotRecorder, originatorId.toString(), highest, applicationName,
                Math.min(highest, Long.MAX_VALUE - 1), Long.MIN_VALUE};
    }

    /** As a native query, for providers that give no connection; package-private to be tested. */
    static Rows selectNatively(EntityManager em, Object[] parameters, Rows rows) {
        for (Object row : SELECT_FORM.nativeQuery(em, parameters).getResultList()) {
            Object[] columns = (Object[]) row;
            rows.add(((Number) columns[0]).intValue(), ((Number) columns[1]).longValue(), (String) columns[2],
                    BinaryColumns.bytes(columns[3], "a stored event's state"));
        }
        return rows;
    }

    private static Rows selectThrough(Connection connection, Object[] parameters, Rows rows) throws SQLException {
        try (PreparedStatement select = SELECT_FORM.prepare(connection, parameters)) {
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(row.getInt(1), row.getLong(2), row.getString(3), row.getBytes(4));
                }
            }
        }
        return rows;
    }

    /** The rows of the statement, read into the snapshot and the events after it. */
    static final class Rows {
        private final UUID originatorId;
        private final List<StoredEvent> events = new ArrayList<>();
        private StoredEvent snapshot;

        Rows(UUID originatorId) {
            this.originatorId = originatorId;
        }

        void add(int kind, long version, String topic, byte[] state) {
            StoredEvent read = new StoredEvent(originatorId, version, topic, state);
            if (kind == 1) {
                snapshot = read;
            } else {
                events.add(read);
            }
        }

        SnapshotAndEvents read() {
            if (snapshot != null) {
                long version = snapshot.originatorVersion();
                events.removeIf(event -> event.originatorVersion() <= version);
            }
            // UNION ALL promises no order; the rows usually come in index order already, which
            // the sort then only confirms in one pass.
            events.sort(Comparator.comparingLong(StoredEvent::originatorVersion));
            return new SnapshotAndEvents(snapshot, events);
        }
    }
}
