package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import dev.eventsourcing.persistence.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On MariaDB a reader's snapshot may hold a writer's ids but not those of the writer before it,
 * which committed while the snapshot was made (InnoDB walks its active transactions without
 * stopping them). The tests put the log in that state by writing rows past the counter: a lower
 * id still uncommitted while a higher one is committed, which a snapshot shows the same way.
 */
class MariaDbSnapshotGapTest {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariadb();

    private static final String INSERT = """
            INSERT INTO es_events (application_name, notification_id, originator_id, originator_version, topic, state)
            VALUES (?, ?, ?, 1, ?, ?)""";

    @Test
    void aPageWhoseSnapshotMissesALowerIdIsReadFromTheLatestRowsAndWaitsForIt() throws Exception {
        JpaApplicationRecorder recorder = DATABASE.applicationRecorder();
        recorder.insertEvents(List.of(event("a"), event("a")));
        try (Connection late = DATABASE.connection(); Connection early = DATABASE.connection()) {
            late.setAutoCommit(false);
            insert(late, recorder, 3, "a");
            insert(early, recorder, 4, "a");

            // The snapshot shows 4 without 3: the page is read again and waits for 3's writer.
            assertWaitsFor(late, recorder, NotificationSelection.after(2, 10), List.of(3L, 4L));
        }
    }

    @Test
    void aPageOfSomeTopicsIsCheckedAgainstTheIdsOfEveryTopic() throws Exception {
        JpaApplicationRecorder recorder = DATABASE.applicationRecorder();
        recorder.insertEvents(List.of(event("a"), event("b")));
        try (Connection late = DATABASE.connection(); Connection early = DATABASE.connection()) {
            late.setAutoCommit(false);
            insert(late, recorder, 3, "a");
            insert(early, recorder, 4, "b");
            insert(early, recorder, 5, "a");

            assertWaitsFor(late, recorder, NotificationSelection.from(1, 10).topics(Set.of("a")), List.of(1L, 3L, 5L));
        }
    }

    @Test
    void aDeletedIdIsPassedOver() throws Exception {
        JpaApplicationRecorder recorder = DATABASE.applicationRecorder();
        recorder.insertEvents(List.of(event("a"), event("a"), event("a"), event("a")));
        try (Connection connection = DATABASE.connection(); PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM es_events WHERE application_name = ? AND notification_id = 2")) {
            delete.setString(1, recorder.applicationName());
            delete.executeUpdate();
        }
        assertEquals(List.of(1L, 3L, 4L), ids(recorder.selectNotifications(NotificationSelection.after(0, 10))));
        assertEquals(List.of(3L, 4L), ids(recorder.selectNotifications(NotificationSelection.after(1, 10))));
        assertEquals(List.of(1L, 3L), ids(recorder.selectNotifications(NotificationSelection.after(0, 2))));
    }

    /** Reads the selection while {@code late} holds a lower id uncommitted: the read waits for it, then returns it. */
    private static void assertWaitsFor(Connection late, JpaApplicationRecorder recorder, NotificationSelection selection,
                                       List<Long> expected) throws Exception {
        CompletableFuture<List<Long>> read = CompletableFuture.supplyAsync(() -> ids(recorder.selectNotifications(selection)));
        Thread.sleep(300);
        assertFalse(read.isDone(), "the read waits for the writer of the missing id");
        late.commit();
        assertEquals(expected, read.get(10, TimeUnit.SECONDS));
    }

    private static void insert(Connection connection, JpaApplicationRecorder recorder, long id, String topic)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, recorder.applicationName());
            insert.setLong(2, id);
            insert.setString(3, UUID.randomUUID().toString());
            insert.setString(4, topic);
            insert.setBytes(5, "{}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }

    private static StoredEvent event(String topic) {
        return new StoredEvent(UUID.randomUUID(), 1, topic, "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static List<Long> ids(List<Notification> notifications) {
        return notifications.stream().map(Notification::id).toList();
    }
}
