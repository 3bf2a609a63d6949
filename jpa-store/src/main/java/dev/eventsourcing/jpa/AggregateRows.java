package dev.eventsourcing.jpa;

import dev.eventsourcing.jpa.entity.AggregateEventEntity;
import dev.eventsourcing.persistence.ConcurrencyConflictException;
import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a batch into {@code es_aggregate_events} so that a taken version is refused without a
 * failing statement (which the JPA provider would log as an error), leaving none of the batch
 * in the unit of work. As for the notification log (see {@link SqlDialect}): on PostgreSQL the
 * rows are inserted with {@code ON CONFLICT DO NOTHING}, and the inserted ones are returned so
 * that they can be deleted again when one was skipped; on MariaDB and H2 the writer locks the
 * recorder's row in {@code es_applications} first, then checks the versions and inserts.
 */
final class AggregateRows {

    // A bound on the parameters of one statement (PostgreSQL takes at most 65,535).
    private static final int ROWS_PER_STATEMENT = 500;
    private static final String INSERT_UNLESS_TAKEN = """
            INSERT INTO es_aggregate_events (recorder_name, originator_id, originator_version, topic, state)
            VALUES %s
            ON CONFLICT DO NOTHING
            RETURNING CAST(originator_id AS VARCHAR(36)), originator_version""";
    private static final String DELETE = """
            DELETE FROM es_aggregate_events
            WHERE recorder_name = ?1 AND originator_id = CAST(?2 AS UUID) AND originator_version = ?3""";
    private static final String COUNT_TAKEN = "SELECT COUNT(*) FROM es_aggregate_events e WHERE e.recorder_name = ?1 AND %s";
    private static final String TAKEN_VERSIONS = """
            SELECT originator_version FROM es_aggregate_events
            WHERE recorder_name = ?1 AND originator_id = CAST(?2 AS UUID) AND originator_version BETWEEN ?3 AND ?4""";

    private AggregateRows() {
    }

    /**
     * Inserts the events of the recorder.
     *
     * @throws ConcurrencyConflictException naming the first event, in batch order, whose version is taken
     */
    static void insert(EntityManager em, String recorderName, List<StoredEvent> events, SqlDialect dialect) {
        if (dialect == SqlDialect.POSTGRESQL) {
            insertUnlessTaken(em, recorderName, events);
        } else {
            insertUnderLock(em, recorderName, events, dialect);
        }
    }

    private static void insertUnderLock(EntityManager em, String recorderName, List<StoredEvent> events, SqlDialect dialect) {
        dialect.lockApplication(em, recorderName);
        VersionRanges ranges = new VersionRanges(events);
        Object taken = ranges.bind(em.createNativeQuery(COUNT_TAKEN.formatted(ranges.condition("e", 2)) + dialect.lockingRead()), 2)
                .setParameter(1, recorderName)
                .getSingleResult();
        if (((Number) taken).longValue() > 0) {
            StoredEvent first = ranges.firstTaken(em, TAKEN_VERSIONS + dialect.lockingRead(), recorderName);
            if (first != null) {
                throw new ConcurrencyConflictException(first.originatorId(), first.originatorVersion(), null);
            }
        }
        for (StoredEvent event : events) {
            em.persist(new AggregateEventEntity(recorderName, event.originatorId(), event.originatorVersion(),
                    event.topic(), event.state()));
        }
    }

    private static void insertUnlessTaken(EntityManager em, String recorderName, List<StoredEvent> events) {
        Set<String> inserted = new HashSet<>();
        for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
            List<StoredEvent> chunk = events.subList(from, Math.min(events.size(), from + ROWS_PER_STATEMENT));
            for (Object row : insertChunk(em, recorderName, chunk).getResultList()) {
                Object[] columns = (Object[]) row;
                inserted.add(key(String.valueOf(columns[0]), ((Number) columns[1]).longValue()));
            }
        }
        if (inserted.size() == events.size()) {
            return;
        }
        for (StoredEvent event : events) {
            if (inserted.contains(key(event))) {
                // A caller's JTA transaction that goes on must keep none of the batch.
                em.createNativeQuery(DELETE).setParameter(1, recorderName).setParameter(2, event.originatorId().toString())
                        .setParameter(3, event.originatorVersion()).executeUpdate();
            }
        }
        StoredEvent skipped = events.stream().filter(event -> !inserted.contains(key(event))).findFirst().orElseThrow();
        throw new ConcurrencyConflictException(skipped.originatorId(), skipped.originatorVersion(), null);
    }

    private static Query insertChunk(EntityManager em, String recorderName, List<StoredEvent> chunk) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < chunk.size(); i++) {
            int p = 2 + 4 * i;
            values.append(i == 0 ? "" : ",\n").append("(?1, CAST(?").append(p).append(" AS UUID), ?").append(p + 1)
                    .append(", ?").append(p + 2).append(", ?").append(p + 3).append(")");
        }
        Query insert = em.createNativeQuery(INSERT_UNLESS_TAKEN.formatted(values)).setParameter(1, recorderName);
        for (int i = 0; i < chunk.size(); i++) {
            StoredEvent event = chunk.get(i);
            int p = 2 + 4 * i;
            insert.setParameter(p, event.originatorId().toString())
                    .setParameter(p + 1, event.originatorVersion())
                    .setParameter(p + 2, event.topic())
                    .setParameter(p + 3, event.state());
        }
        return insert;
    }

    private static String key(StoredEvent event) {
        return key(event.originatorId().toString(), event.originatorVersion());
    }

    private static String key(String originatorId, long version) {
        return originatorId + "@" + version;
    }
}
