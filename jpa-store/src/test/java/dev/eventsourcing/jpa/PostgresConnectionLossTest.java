package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.persistence.OperationalException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A connection the server ended is an operational error, and loses nothing that was committed. */
class PostgresConnectionLossTest {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql();

    @Test
    void aConnectionEndedByTheServerIsAnOperationalError() throws Exception {
        var recorder = DATABASE.applicationRecorder();
        recorder.insertEvents(List.of(NotificationOrderingTestCase.event("before")));

        int ended;
        try (var connection = DATABASE.connection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("""
                     SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                     WHERE datname = current_database() AND pid <> pg_backend_pid()""")) {
            rows.next();
            ended = rows.getInt(1);
        }
        var error = assertThrows(OperationalException.class, recorder::maxNotificationId);

        assertTrue(ended > 0, "the pool's connections were ended");
        assertTrue(error.getMessage().contains("SQLState 08") || error.getMessage().contains("SQLState 57"), error.getMessage());
        try (var connection = DATABASE.connection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT count(*) FROM es_events")) {
            rows.next();
            assertEquals(1, rows.getInt(1), "the committed event is still there");
        }
    }
}
