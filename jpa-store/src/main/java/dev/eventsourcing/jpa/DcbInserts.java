package dev.eventsourcing.jpa;

import dev.eventsourcing.dcb.DcbEvent;
import dev.eventsourcing.persistence.IntegrityException;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Inserts DCB events and their tag rows with multi-row {@code INSERT} statements (a few hundred
 * parameters each), for the databases where the recorder writes the rows itself; on PostgreSQL
 * the append function does it.
 */
final class DcbInserts {

    private static final int EVENTS_PER_STATEMENT = 100;
    private static final int TAGS_PER_STATEMENT = 300;
    private static final int IDS_PER_CHECK = 500;

    private DcbInserts() {
    }

    /**
     * Refuses the batch when the application has stored one of its event ids already, before
     * anything is inserted, so that no statement fails on the unique key (which the JPA provider
     * would log). Call it under the application's lock.
     *
     * @throws IntegrityException naming the stored id
     */
    static void refuseStoredIds(EntityManager em, String application, List<DcbEvent> events, String lockingRead) {
        for (int from = 0; from < events.size(); from += IDS_PER_CHECK) {
            List<?> stored = storedIds(application, events.subList(from, Math.min(events.size(), from + IDS_PER_CHECK)),
                    lockingRead).query(em).getResultList();
            if (!stored.isEmpty()) {
                throw storedId(application, String.valueOf(stored.get(0)).trim());
            }
        }
    }

    /**
     * The select of those of the events' ids that the application has stored already. The ids are
     * bound as UUIDs, not cast from text: H2 looks values up in an index only when they are
     * plain parameters, and otherwise scans every event of the application for each append.
     */
    static NativeSql storedIds(String application, List<DcbEvent> events, String lockingRead) {
        NativeSql sql = new NativeSql()
                .text("SELECT CAST(event_id AS CHAR(36)) FROM es_dcb_events WHERE application_name = ").parameter(application)
                .text(" AND event_id IN (");
        String separator = "";
        for (DcbEvent event : events) {
            sql.text(separator).parameter(event.id());
            separator = ", ";
        }
        return sql.text(")" + lockingRead);
    }

    /** The error of an append whose event id the application has stored already. */
    static IntegrityException storedId(String application, String id) {
        return new IntegrityException("Appending to " + application + " failed: event id " + id + " is stored already", null);
    }

    /** Inserts the events at consecutive positions from {@code first}, with a row per tag. */
    static void insert(EntityManager em, String application, long first, List<DcbEvent> events) {
        for (int from = 0; from < events.size(); from += EVENTS_PER_STATEMENT) {
            NativeSql sql = new NativeSql().text("INSERT INTO es_dcb_events"
                    + " (application_name, event_position, event_type, data, tags, event_id, metadata) VALUES ");
            int to = Math.min(events.size(), from + EVENTS_PER_STATEMENT);
            for (int i = from; i < to; i++) {
                DcbEvent event = events.get(i);
                sql.text(i == from ? "(" : ", (").parameter(application).text(", ").parameter(first + i)
                        .text(", ").parameter(event.type()).text(", ").parameter(event.data())
                        .text(", ").parameter(DcbRows.tagsText(event)).text(", CAST(").parameter(event.id().toString())
                        .text(" AS UUID), ").parameter(DcbRows.metadataText(event)).text(")");
            }
            sql.query(em).executeUpdate();
        }
        insertTags(em, application, first, events);
    }

    private static void insertTags(EntityManager em, String application, long first, List<DcbEvent> events) {
        NativeSql sql = null;
        int rows = 0;
        for (int i = 0; i < events.size(); i++) {
            for (String tag : events.get(i).tags()) {
                if (sql == null) {
                    sql = new NativeSql().text("INSERT INTO es_dcb_tags (application_name, tag, event_position) VALUES ");
                }
                sql.text(rows == 0 ? "(" : ", (").parameter(application).text(", ").parameter(tag)
                        .text(", ").parameter(first + i).text(")");
                if (++rows == TAGS_PER_STATEMENT) {
                    sql.query(em).executeUpdate();
                    sql = null;
                    rows = 0;
                }
            }
        }
        if (sql != null) {
            sql.query(em).executeUpdate();
        }
    }
}
