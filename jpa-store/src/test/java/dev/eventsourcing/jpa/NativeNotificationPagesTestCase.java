package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The pages of the notification log read as native queries, which the PostgreSQL strategy takes
 * only when the provider gives no connection of its transaction (so the contract suites, run on
 * providers that give one, never reach them): they read what the JDBC statements read, with a
 * gap in the ids and with topics. Subclasses name the provider.
 */
abstract class NativeNotificationPagesTestCase {

    abstract TestDatabase database();

    private final PostgresWatermarkStrategy strategy = new PostgresWatermarkStrategy();

    private <T> T inTransaction(boolean throughConnection, Function<EntityManager, T> work) {
        return database().transactions().inTransaction(em -> work.apply(throughConnection ? em : ConnectionlessEntityManager.of(em)));
    }

    private NotificationPage page(boolean throughConnection, String application, NotificationSelection selection) {
        return inTransaction(throughConnection, em -> strategy.selectPage(em, application, selection));
    }

    @Test
    void theNativeQueriesReadWhatTheStatementsOnTheConnectionRead() {
        JpaApplicationRecorder recorder = database().applicationRecorder();
        UUID id = UUID.randomUUID();
        List<StoredEvent> events = new ArrayList<>();
        for (int version = 1; version <= 6; version++) {
            events.add(new StoredEvent(id, version, version % 2 == 0 ? "even" : "odd", new byte[] {(byte) version}));
        }
        recorder.insertEvents(events);
        String application = recorder.applicationName();
        // An id reserved and never used is a gap, which hands the plain page read over to the function.
        database().transactions().inTransaction(em -> em.createNativeQuery("SELECT es_reserve_notification_ids(?1, 1)")
                .setParameter(1, application).getSingleResult());
        recorder.insertEvents(List.of(new StoredEvent(UUID.randomUUID(), 1, "odd", new byte[] {0})));

        for (NotificationSelection selection : List.of(NotificationSelection.after(0, 10),
                NotificationSelection.after(2, 3), NotificationSelection.after(0, 10).topics(Set.of("even")))) {
            NotificationPage connected = page(true, application, selection);
            NotificationPage nativePage = page(false, application, selection);
            assertEquals(connected.notifications(), nativePage.notifications(), selection.toString());
            assertEquals(connected.settled(), nativePage.settled(), selection.toString());
        }
        List<Notification> even = page(false, application, NotificationSelection.after(0, 10).topics(Set.of("even"))).notifications();
        assertEquals(List.of(2L, 4L, 6L), even.stream().map(Notification::originatorVersion).toList());
        assertFalse(page(false, application, NotificationSelection.after(0, 10).topics(Set.of("even"))).settled());
        assertEquals(7, page(false, application, NotificationSelection.after(0, 10)).notifications().size());
        assertTrue(page(false, application, NotificationSelection.after(2, 3)).settled());
        assertEquals(events.get(2), toStored(page(false, application, NotificationSelection.after(2, 1)).notifications().get(0)));
    }

    private static StoredEvent toStored(Notification n) {
        return new StoredEvent(n.originatorId(), n.originatorVersion(), n.topic(), n.state());
    }
}
