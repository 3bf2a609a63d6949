package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.EventSelection;
import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Selects the events of one originator from either event table, as the selection says. */
final class EventQueries {

    private EventQueries() {
    }

    /**
     * The JPQL that selects one originator's events from {@code entity}, whose rows belong to the
     * owner named by {@code ownerField}, as {@code StoredEvent} records. The records come straight
     * from the rows (a constructor expression): no managed entities, so no persistence-context
     * bookkeeping or dirty check of every row at commit. The ORDER BY names the whole index
     * prefix, owner first: the equality on it makes the order the same, and it lets every
     * database (H2 in particular) walk the index instead of sorting or scanning.
     */
    static String selectEventsJpql(String entity, String ownerField, boolean descending) {
        String direction = descending ? " DESC" : "";
        return "SELECT NEW dev.eventsourcing.persistence.StoredEvent(e.originatorId, e.originatorVersion, e.topic, e.state)"
                + " FROM " + entity + " e"
                + " WHERE e." + ownerField + " = :owner AND e.originatorId = :originatorId"
                + " AND e.originatorVersion >= :from AND e.originatorVersion <= :to"
                + " ORDER BY e." + ownerField + direction + ", e.originatorId" + direction
                + ", e.originatorVersion" + direction;
    }

    /**
     * The SQL that selects one originator's events from {@code es_events}, ordered along the whole
     * index as {@link #selectEventsJpql} is, for JDBC: application, originator id (as text, cast
     * alike on every database), lowest and highest version.
     */
    static String selectEventsSql(boolean descending) {
        String direction = descending ? " DESC" : "";
        return "SELECT originator_version, topic, state FROM es_events"
                + " WHERE application_name = ? AND originator_id = CAST(? AS UUID)"
                + " AND originator_version >= ? AND originator_version <= ?"
                + " ORDER BY application_name" + direction + ", originator_id" + direction
                + ", originator_version" + direction;
    }

    /**
     * Selects an originator's events from {@code es_events} through JDBC on the transaction's
     * connection where the provider gives it (see {@link TransactionConnections}): a replay reads
     * thousands of rows, and the provider's row handling (a result assembler and a constructor
     * call by reflection for each) cost about a third as much again as reading them. Else, and
     * for a selection with a limit (a few rows: the first or the latest), as {@link #select}
     * does with {@code jpql}.
     */
    static List<StoredEvent> selectStoredEvents(EntityManager em, String sql, String jpql, String applicationName,
                                                UUID originatorId, EventSelection selection) {
        if (selection.limit() != null || selection.gt() != null && selection.gt() == Long.MAX_VALUE) {
            return select(em, jpql, StoredEvent.class, applicationName, originatorId, selection);
        }
        return TransactionConnections.run(em, connection -> selectThrough(connection, sql, applicationName,
                        originatorId, selection))
                .orElseGet(() -> select(em, jpql, StoredEvent.class, applicationName, originatorId, selection));
    }

    private static List<StoredEvent> selectThrough(Connection connection, String sql, String applicationName,
                                                   UUID originatorId, EventSelection selection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, applicationName);
            select.setString(2, originatorId.toString());
            select.setLong(3, selection.gt() == null ? Long.MIN_VALUE : selection.gt() + 1);
            select.setLong(4, selection.lte() == null ? Long.MAX_VALUE : selection.lte());
            List<StoredEvent> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new StoredEvent(originatorId, rows.getLong(1), rows.getString(2), rows.getBytes(3)));
                }
            }
            return events;
        }
    }

    /**
     * Runs {@code jpql}, which must name the parameters {@code :owner}, {@code :originatorId},
     * {@code :from} and {@code :to} (inclusive version bounds), with the selection's limit.
     */
    static <E> List<E> select(EntityManager em, String jpql, Class<E> type, String owner, UUID originatorId,
                              EventSelection selection) {
        if (selection.gt() != null && selection.gt() == Long.MAX_VALUE
                || selection.limit() != null && selection.limit() == 0) {
            return List.of();
        }
        TypedQuery<E> query = em.createQuery(jpql, type)
                .setParameter("owner", owner)
                .setParameter("originatorId", originatorId)
                .setParameter("from", selection.gt() == null ? Long.MIN_VALUE : selection.gt() + 1)
                .setParameter("to", selection.lte() == null ? Long.MAX_VALUE : selection.lte());
        if (selection.limit() != null) {
            query.setMaxResults(selection.limit());
        }
        return query.getResultList();
    }
}
