package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.Concurrently;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.Tracking;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Single-row tracking on a database: one row per reader and upstream application however many
 * positions are recorded, the same refusals as a row per position, and positions recorded as
 * rows of their own before (multi-row tracking) read and moved on from the highest.
 */
abstract class SingleRowTrackingTestCase {

    /** The database under test. */
    protected abstract TestDatabase database();

    @Test
    void aReaderKeepsOneRowPerUpstreamApplicationHoweverManyPositionsItRecords() throws SQLException {
        String reader = TestDatabase.uniqueName("projection");
        JpaTrackingRecorder recorder = database().trackingRecorder(reader, true);
        for (long id = 1; id <= 50; id++) {
            recorder.insertTracking(new Tracking("upstream1", id));
        }
        for (long id = 2; id <= 20; id += 2) {
            recorder.insertTracking(new Tracking("upstream2", id));
        }

        assertEquals(1, rows(reader, "upstream1"));
        assertEquals(1, rows(reader, "upstream2"));
        assertEquals(50, recorder.maxTrackingId("upstream1"));
        assertEquals(20, recorder.maxTrackingId("upstream2"));
        assertTrue(recorder.hasTrackingId("upstream2", 19L));
    }

    @Test
    void theSameOrALowerPositionIsRefusedAndLeavesTheRowAsItWas() throws SQLException {
        String reader = TestDatabase.uniqueName("projection");
        JpaTrackingRecorder recorder = database().trackingRecorder(reader, true);
        recorder.insertTracking(new Tracking("upstream", 5));

        assertThrows(IntegrityException.class, () -> recorder.insertTracking(new Tracking("upstream", 5)));
        assertThrows(IntegrityException.class, () -> recorder.insertTracking(new Tracking("upstream", 3)));
        recorder.insertTracking(new Tracking("upstream", 6));

        assertEquals(6, recorder.maxTrackingId("upstream"));
        assertEquals(1, rows(reader, "upstream"));
    }

    @Test
    void concurrentWritersOfTheNextPositionRecordItOnce() {
        String reader = TestDatabase.uniqueName("projection");
        JpaTrackingRecorder recorder = database().trackingRecorder(reader, true);
        recorder.insertTracking(new Tracking("upstream", 1));

        for (long next = 2; next <= 6; next++) {
            long position = next;
            List<Boolean> won = Concurrently.run(4, Duration.ofSeconds(60), thread -> {
                try {
                    recorder.insertTracking(new Tracking("upstream", position));
                    return true;
                } catch (IntegrityException e) {
                    return false;
                }
            });
            assertEquals(1, won.stream().filter(w -> w).count(), "position " + position + ": " + won);
        }
        assertEquals(6, recorder.maxTrackingId("upstream"));
    }

    @Test
    void positionsRecordedARowEachAreReadAndTheHighestIsMovedOn() throws SQLException {
        String reader = TestDatabase.uniqueName("projection");
        JpaTrackingRecorder before = database().trackingRecorder(reader, false);
        before.insertTracking(new Tracking("upstream1", 1));
        before.insertTracking(new Tracking("upstream1", 3));
        for (long id = 1; id <= 4; id++) {
            before.insertTracking(new Tracking("upstream2", id));
        }
        JpaTrackingRecorder after = database().trackingRecorder(reader, true);

        assertEquals(3, after.maxTrackingId("upstream1"));
        assertEquals(4, after.maxTrackingId("upstream2"));
        assertTrue(after.hasTrackingId("upstream1", 2L));
        assertThrows(IntegrityException.class, () -> after.insertTracking(new Tracking("upstream1", 3)));
        after.insertTracking(new Tracking("upstream1", 5));
        after.insertTracking(new Tracking("upstream1", 6));
        after.insertTracking(new Tracking("upstream2", 5));

        assertEquals(6, after.maxTrackingId("upstream1"));
        assertEquals(5, after.maxTrackingId("upstream2"));
        assertEquals(2, rows(reader, "upstream1"), "the older row stays; the highest moved on");
        assertEquals(4, rows(reader, "upstream2"));
    }

    private long rows(String reader, String upstream) throws SQLException {
        try (Connection connection = database().connection();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT COUNT(*) FROM es_tracking WHERE application_name = ? AND upstream_application_name = ?")) {
            count.setString(1, reader);
            count.setString(2, upstream);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
