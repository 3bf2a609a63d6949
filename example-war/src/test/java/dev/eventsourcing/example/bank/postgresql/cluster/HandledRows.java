package dev.eventsourcing.example.bank.postgresql.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the scale-out test's projection recorded in {@code scaleout_handled} of the cluster's
 * database (one row per handling, see the test WAR's {@code SlowProjection}), read with plain
 * JDBC: how much is handled, by which node, whether twice, and whether in each originator's
 * order.
 */
final class HandledRows {

    private final ClusterDatabase database;

    HandledRows(ClusterDatabase database) {
        this.database = database;
    }

    /** How many notifications are handled at least once (0 before the table exists). */
    long distinctHandled() throws SQLException {
        return single("SELECT COUNT(DISTINCT notification_id) FROM scaleout_handled");
    }

    /** How many handlings repeat a notification handled before. */
    long duplicates() throws SQLException {
        return single("SELECT COUNT(*) - COUNT(DISTINCT notification_id) FROM scaleout_handled");
    }

    /** How many notifications each node handled, by node name. */
    Map<String, Long> perNode() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        query("SELECT node, COUNT(*) FROM scaleout_handled GROUP BY node", rows -> counts.put(rows.getString(1),
                rows.getLong(2)));
        return counts;
    }

    /** How many notifications one node handled. */
    long handledBy(String node) throws SQLException {
        return perNode().getOrDefault(node, 0L);
    }

    /** The ids of the application's notifications that no row records. */
    List<Long> missing(String application) throws SQLException {
        List<Long> ids = new ArrayList<>();
        query("SELECT e.notification_id FROM es_events e WHERE e.application_name = '" + application + "' AND NOT EXISTS"
                + " (SELECT 1 FROM scaleout_handled h WHERE h.notification_id = e.notification_id) ORDER BY 1",
                rows -> ids.add(rows.getLong(1)));
        return ids;
    }

    /**
     * The originators whose handlings, in the order they were recorded, are not exactly versions
     * 1 to {@code events} in turn, with what was recorded for each (at most ten of them).
     */
    Map<String, List<Long>> outOfOrder(int events) throws SQLException {
        Map<String, List<Long>> versions = new LinkedHashMap<>();
        query("SELECT originator_id, originator_version FROM scaleout_handled ORDER BY originator_id, seq",
                rows -> versions.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(rows.getLong(2)));
        Map<String, List<Long>> wrong = new LinkedHashMap<>();
        for (Map.Entry<String, List<Long>> originator : versions.entrySet()) {
            List<Long> seen = originator.getValue();
            boolean inOrder = seen.size() == events;
            for (int i = 0; inOrder && i < events; i++) {
                inOrder = seen.get(i) == i + 1;
            }
            if (!inOrder && wrong.size() < 10) {
                wrong.put(originator.getKey(), seen);
            }
        }
        return wrong;
    }

    /** How many originators have rows. */
    long originators() throws SQLException {
        return single("SELECT COUNT(DISTINCT originator_id) FROM scaleout_handled");
    }

    /** The time from the first handling to the last. */
    Duration span() throws SQLException {
        long[] millis = new long[1];
        query("SELECT EXTRACT(EPOCH FROM (MAX(handled_at) - MIN(handled_at))) * 1000 FROM scaleout_handled",
                rows -> millis[0] = rows.getLong(1));
        return Duration.ofMillis(millis[0]);
    }

    private long single(String sql) throws SQLException {
        long[] value = new long[1];
        query(sql, rows -> value[0] = rows.getLong(1));
        return value[0];
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String sql, RowReader reader) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                reader.read(rows);
            }
        } catch (SQLException e) {
            // Until a node has created it, the table is not there: nothing is handled yet.
            if ("42P01".equals(e.getSQLState())) {
                return;
            }
            throw e;
        }
    }
}
