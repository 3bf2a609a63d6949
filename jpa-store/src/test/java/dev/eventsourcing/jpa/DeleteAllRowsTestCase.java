package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.ParkedNotification;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Tracking;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Emptying the store for tests: every recorder's rows go, the tables and the counters stay. */
abstract class DeleteAllRowsTestCase {

    /** The database of the suite. */
    protected abstract TestDatabase database();

    private static StoredEvent event(UUID id, long version) {
        return new StoredEvent(id, version, "com.example.Event", new byte[] {1});
    }

    @Test
    void everyRecordersRowsAreDeletedAndNotificationIdsGoOn() throws SQLException {
        JpaProcessRecorder process = database().processRecorder();
        UUID originator = UUID.randomUUID();
        List<Long> before = process.insertEvents(List.of(event(originator, 1), event(originator, 2)), new Tracking("Up", 4));
        new JpaAggregateRecorder(TestDatabase.uniqueName("snapshots"), database().transactions(), database().strategy())
                .insertEvents(List.of(event(originator, 2)));
        new JpaSubjectKeyRecorder(TestDatabase.uniqueName("app"), database().transactions(), database().strategy())
                .insertIfAbsent(originator, new byte[] {7});
        new JpaParkingRecorder(database().transactions(), database().strategy()).park(new ParkedNotification("balances", "Up", 3,
                originator, 1, "com.example.Event", "java.lang.Error: 3", "java.lang.Error: 3\n", 1,
                Instant.parse("2026-01-01T00:00:00Z"), 0, ParkedNotification.Status.PARKED, null));
        assertTrue(rows("es_events") > 0 && rows("es_aggregate_events") > 0 && rows("es_tracking") > 0
                && rows("es_subject_keys") > 0 && rows("es_parked") > 0, "every table has rows before");

        JpaSchema.deleteAllRows(database().transactions());

        for (String table : List.of("es_events", "es_aggregate_events", "es_tracking", "es_subject_keys", "es_parked")) {
            assertEquals(0, rows(table), table);
        }
        assertEquals(0, process.maxTrackingId("Up"));
        assertTrue(process.selectNotifications(1, 10).isEmpty());
        List<Long> after = process.insertEvents(List.of(event(originator, 1)));
        assertEquals(before.get(1) + 1, after.get(0), "the notification counter kept its value");
    }

    private long rows(String table) throws SQLException {
        try (Connection connection = database().connection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }
}
