package dev.eventsourcing.jpa;

import dev.eventsourcing.jpa.entity.StoredEventEntity;
import dev.eventsourcing.persistence.ConcurrencyConflictException;
import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Writes the rows of a batch of events into {@code es_events}, under ids reserved for them. */
final class EventRows {

    // A bound on the parameters of one statement (PostgreSQL takes at most 65,535).
    private static final int ROWS_PER_STATEMENT = 500;
    private static final String INSERT = """
            INSERT INTO es_events (application_name, notification_id, originator_id, originator_version, topic, state)
            VALUES %s
            ON CONFLICT (application_name, originator_id, originator_version) DO NOTHING""";
    // The reservation is a CTE of its own, so it runs once and before the insert (a CTE calling a
    // volatile function is never inlined); the insert, a data-modifying CTE, always runs to the
    // end. The row tells the first id and how many rows went in. Row numbers count from 0.
    private static final String RESERVE_AND_INSERT = """
            WITH reserved AS (SELECT es_reserve_notification_ids(?1, ?2) AS first_id),
            inserted AS (
                INSERT INTO es_events (application_name, notification_id, originator_id, originator_version, topic, state)
                SELECT ?1, r.first_id + v.n, CAST(v.originator_id AS UUID), v.originator_version, v.topic, v.state
                  FROM reserved r, (VALUES %s) AS v (n, originator_id, originator_version, topic, state)
                ON CONFLICT (application_name, originator_id, originator_version) DO NOTHING
                RETURNING 1)
            SELECT r.first_id, (SELECT count(*) FROM inserted) FROM reserved r""";
    // One event: the reservation is a call in the row's values, evaluated once since there is one
    // row, and before the insert. The CTEs above cost the server about a fifth more per single
    // append than this plain form (measured with pgbench); a returned id says the row went in.
    private static final JdbcForm RESERVE_AND_INSERT_ONE = JdbcForm.of("""
            INSERT INTO es_events (application_name, notification_id, originator_id, originator_version, topic, state)
            VALUES (?1, es_reserve_notification_ids(?1, 1), CAST(?2 AS UUID), ?3, ?4, ?5)
            ON CONFLICT (application_name, originator_id, originator_version) DO NOTHING
            RETURNING notification_id""");
    private static final int SIZES_KEPT = 64;
    private static final Map<Integer, JdbcForm> RESERVE_AND_INSERT_FORMS = new ConcurrentHashMap<>();
    private static final String OWN_IDS = """
            SELECT notification_id FROM es_events WHERE application_name = ?1 AND notification_id BETWEEN ?2 AND ?3""";
    private static final String DELETE_OWN = """
            DELETE FROM es_events WHERE application_name = ?1 AND notification_id BETWEEN ?2 AND ?3""";

    private EventRows() {
    }

    /**
     * Adds the events to the unit of work as entities, which the provider inserts in JDBC
     * batches at the flush; a taken version fails there, on the unique key.
     */
    static void persist(EntityManager em, String applicationName, long firstId, List<StoredEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            StoredEvent event = events.get(i);
            em.persist(new StoredEventEntity(applicationName, firstId + i, event.originatorId(),
                    event.originatorVersion(), event.topic(), event.state()));
        }
    }

    /**
     * PostgreSQL: inserts the events with multi-row statements that skip a row whose version is
     * taken ({@code ON CONFLICT DO NOTHING} on the unique key; a concurrent writer of the same
     * version waits for the other's commit, and then skips it). When a row was skipped, the rows
     * inserted are deleted again, so that a caller's transaction that goes on keeps none of them.
     *
     * @throws ConcurrencyConflictException naming the first event, in batch order, that was skipped
     */
    static void insertUnlessTaken(EntityManager em, String applicationName, long firstId, List<StoredEvent> events) {
        int inserted = 0;
        for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
            List<StoredEvent> chunk = events.subList(from, Math.min(events.size(), from + ROWS_PER_STATEMENT));
            inserted += insertChunk(em, applicationName, firstId + from, chunk);
        }
        if (inserted < events.size()) {
            throw conflict(em, applicationName, firstId, events);
        }
    }

    /**
     * PostgreSQL: reserves the batch's ids ({@code es_reserve_notification_ids}, whose comments
     * give the no-skip argument) and inserts the events under them in one statement, so an
     * append costs one round trip before the commit, as a plain insert does. Rows whose version
     * is taken are skipped as in {@link #insertUnlessTaken}, and the rows inserted are then
     * deleted again. The batch must fit one statement ({@link #fitsOneStatement}).
     *
     * @return the first id reserved
     * @throws ConcurrencyConflictException naming the first event, in batch order, that was skipped
     */
    static long reserveAndInsertUnlessTaken(EntityManager em, String applicationName, List<StoredEvent> events) {
        if (events.size() == 1) {
            return reserveAndInsertOne(em, applicationName, events.get(0));
        }
        Object[] parameters = new Object[2 + 4 * events.size()];
        parameters[0] = applicationName;
        parameters[1] = events.size();
        for (int i = 0; i < events.size(); i++) {
            StoredEvent event = events.get(i);
            int p = 2 + 4 * i;
            parameters[p] = event.originatorId().toString();
            parameters[p + 1] = event.originatorVersion();
            parameters[p + 2] = event.topic();
            parameters[p + 3] = event.state();
        }
        JdbcForm append = reserveAndInsertForm(events.size());
        // Through JDBC on the transaction's connection where the provider gives it (see
        // TransactionConnections), else as a native query.
        Object[] row = TransactionConnections.run(em, c -> reserveAndInsert(c, append, parameters))
                .orElseGet(() -> (Object[]) append.nativeQuery(em, parameters).getSingleResult());
        long first = ((Number) row[0]).longValue();
        if (((Number) row[1]).longValue() < events.size()) {
            throw conflict(em, applicationName, first, events);
        }
        return first;
    }

    /**
     * {@link #RESERVE_AND_INSERT} for a batch of {@code size} events. Its text depends on the size
     * alone, so it is made once per size: in a profile of 100-event appends, writing the text and
     * turning it into its JDBC form again for every batch took about half of the recorder's own
     * CPU. The driver then also finds its prepared statement by the same string, whose hash is
     * known. At most {@value #SIZES_KEPT} sizes are kept, so that batches of ever new sizes
     * cannot fill the memory; a batch of a size not kept has its statement made for it alone.
     */
    private static JdbcForm reserveAndInsertForm(int size) {
        JdbcForm form = RESERVE_AND_INSERT_FORMS.get(size);
        if (form != null) {
            return form;
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < size; i++) {
            int p = 3 + 4 * i;
            values.append(i == 0 ? "" : ",\n").append('(').append(i).append(", ?").append(p).append(", ?")
                    .append(p + 1).append(", ?").append(p + 2).append(", ?").append(p + 3).append(')');
        }
        form = JdbcForm.of(RESERVE_AND_INSERT.formatted(values));
        if (RESERVE_AND_INSERT_FORMS.size() < SIZES_KEPT) {
            RESERVE_AND_INSERT_FORMS.putIfAbsent(size, form);
        }
        return form;
    }

    /** {@link #reserveAndInsertUnlessTaken} of one event, in the statement without CTEs. */
    private static long reserveAndInsertOne(EntityManager em, String applicationName, StoredEvent event) {
        Object[] parameters = {applicationName, event.originatorId().toString(), event.originatorVersion(),
            event.topic(), event.state()};
        // An empty list when the version was taken: the row was skipped, and nothing went in.
        List<?> ids = TransactionConnections.run(em, c -> insertedIds(c, parameters))
                .orElseGet(() -> RESERVE_AND_INSERT_ONE.nativeQuery(em, parameters).getResultList());
        if (ids.isEmpty()) {
            throw new ConcurrencyConflictException(event.originatorId(), event.originatorVersion(), null);
        }
        return ((Number) ids.get(0)).longValue();
    }

    private static List<Long> insertedIds(Connection connection, Object[] parameters) throws SQLException {
        try (PreparedStatement statement = RESERVE_AND_INSERT_ONE.prepare(connection, parameters);
             ResultSet row = statement.executeQuery()) {
            return row.next() ? List.of(row.getLong(1)) : List.of();
        }
    }

    private static Object[] reserveAndInsert(Connection connection, JdbcForm append, Object[] parameters)
            throws SQLException {
        try (PreparedStatement statement = append.prepare(connection, parameters);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return new Object[] {row.getLong(1), row.getLong(2)};
        }
    }

    /** Whether {@link #reserveAndInsertUnlessTaken} takes the batch in one statement. */
    static boolean fitsOneStatement(List<StoredEvent> events) {
        return events.size() <= ROWS_PER_STATEMENT;
    }

    private static int insertChunk(EntityManager em, String applicationName, long firstId, List<StoredEvent> chunk) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < chunk.size(); i++) {
            int p = 2 + 5 * i;
            values.append(i == 0 ? "" : ",\n").append("(?1, ?").append(p).append(", CAST(?").append(p + 1)
                    .append(" AS UUID), ?").append(p + 2).append(", ?").append(p + 3).append(", ?").append(p + 4).append(")");
        }
        Query insert = em.createNativeQuery(INSERT.formatted(values)).setParameter(1, applicationName);
        for (int i = 0; i < chunk.size(); i++) {
            StoredEvent event = chunk.get(i);
            int p = 2 + 5 * i;
            insert.setParameter(p, firstId + i)
                    .setParameter(p + 1, event.originatorId().toString())
                    .setParameter(p + 2, event.originatorVersion())
                    .setParameter(p + 3, event.topic())
                    .setParameter(p + 4, event.state());
        }
        return insert.executeUpdate();
    }

    private static ConcurrencyConflictException conflict(EntityManager em, String applicationName, long firstId,
                                                         List<StoredEvent> events) {
        long lastId = firstId + events.size() - 1;
        Set<Long> own = new HashSet<>();
        for (Object id : range(em.createNativeQuery(OWN_IDS), applicationName, firstId, lastId).getResultList()) {
            own.add(((Number) id).longValue());
        }
        range(em.createNativeQuery(DELETE_OWN), applicationName, firstId, lastId).executeUpdate();
        for (int i = 0; i < events.size(); i++) {
            if (!own.contains(firstId + i)) {
                StoredEvent skipped = events.get(i);
                return new ConcurrencyConflictException(skipped.originatorId(), skipped.originatorVersion(), null);
            }
        }
        throw new IllegalStateException("Fewer rows inserted than events, yet every id of " + applicationName
                + " from " + firstId + " to " + lastId + " is stored");
    }

    private static Query range(Query query, String applicationName, long firstId, long lastId) {
        return query.setParameter(1, applicationName).setParameter(2, firstId).setParameter(3, lastId);
    }
}
