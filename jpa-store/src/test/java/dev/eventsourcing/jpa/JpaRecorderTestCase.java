package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.persistence.ConcurrencyConflictException;
import dev.eventsourcing.persistence.DataException;
import dev.eventsourcing.persistence.EventSelection;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import dev.eventsourcing.persistence.OperationalException;
import dev.eventsourcing.persistence.ProgrammingException;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Tracking;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the JPA recorders do beyond the shared contract suites, on each database: several
 * applications in one persistence unit, which error each failure becomes, and state bytes kept
 * exactly. Subclasses name the database.
 */
abstract class JpaRecorderTestCase {

    abstract TestDatabase database();

    static StoredEvent event(UUID id, long version) {
        return new StoredEvent(id, version, "topic" + version, ("state" + version).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachApplicationHasItsOwnLogStartingAtOne() {
        JpaApplicationRecorder bank = database().applicationRecorder();
        JpaApplicationRecorder shop = database().applicationRecorder();
        UUID account = UUID.randomUUID();

        assertEquals(List.of(1L, 2L), bank.insertEvents(List.of(event(account, 1), event(account, 2))));
        assertEquals(List.of(1L), shop.insertEvents(List.of(event(account, 1))));
        assertEquals(List.of(3L), bank.insertEvents(List.of(event(account, 3))));

        assertEquals(3, bank.maxNotificationId());
        assertEquals(1, shop.maxNotificationId());
        assertEquals(List.of(1L, 2L, 3L), bank.selectNotifications(1, 10).stream().map(Notification::id).toList());
        assertEquals(1, shop.selectEvents(account).size());
    }

    @Test
    void theHighestIdIsTheHighestStoredOneWhereverTheCounterStands() throws Exception {
        JpaApplicationRecorder recorder = database().applicationRecorder();
        UUID account = UUID.randomUUID();
        recorder.insertEvents(List.of(event(account, 1), event(account, 2), event(account, 3)));
        assertEquals(3, recorder.maxNotificationId());

        // The last event gone: the counter (where there is one) stands above the highest stored id.
        try (var connection = database().connection(); var statement = connection.prepareStatement(
                "DELETE FROM es_events WHERE application_name = ? AND notification_id = 3")) {
            statement.setString(1, recorder.applicationName());
            statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
        assertEquals(2, recorder.maxNotificationId());
        assertEquals(4, recorder.insertEvents(List.of(event(account, 4))).get(0),
                "ids handed out are never handed out again");
        assertEquals(4, recorder.maxNotificationId());
    }

    @Test
    void aTakenVersionIsAConcurrencyConflictNamingTheEvent() {
        JpaApplicationRecorder recorder = database().applicationRecorder();
        UUID account = UUID.randomUUID();
        recorder.insertEvents(List.of(event(account, 1), event(account, 2)));

        var single = assertThrows(ConcurrencyConflictException.class, () -> recorder.insertEvents(List.of(event(account, 2))));
        var batch = assertThrows(ConcurrencyConflictException.class,
                () -> recorder.insertEvents(List.of(event(UUID.randomUUID(), 1), event(account, 2), event(account, 3))));

        assertEquals(account, single.originatorId());
        assertEquals(2, single.originatorVersion());
        assertEquals(2, batch.originatorVersion());
        assertTrue(single.getMessage().contains(account + " at version 2"), single.getMessage());
        assertEquals(2, recorder.maxNotificationId(), "nothing of a rejected batch is stored");
    }

    @Test
    void aVersionTwiceInOneBatchIsRefusedBeforeReachingTheDatabase() {
        JpaApplicationRecorder recorder = database().applicationRecorder();
        UUID account = UUID.randomUUID();

        assertThrows(IntegrityException.class, () -> recorder.insertEvents(List.of(event(account, 1), event(account, 1))));
        assertEquals(List.of(), recorder.selectEvents(account));
    }

    @Test
    void aTopicTooLongForItsColumnIsADataError() {
        JpaApplicationRecorder recorder = database().applicationRecorder();
        var tooLong = new StoredEvent(UUID.randomUUID(), 1, "t".repeat(1001), new byte[0]);

        var error = assertThrows(DataException.class, () -> recorder.insertEvents(List.of(tooLong)));

        assertInstanceOf(RuntimeException.class, error.getCause());
        assertEquals(0, recorder.maxNotificationId());
    }

    @Test
    void stateBytesAreStoredExactly() {
        JpaProcessRecorder recorder = database().processRecorder();
        byte[] every = new byte[256 * 64];
        for (int i = 0; i < every.length; i++) {
            every[i] = (byte) i;
        }
        UUID id = UUID.randomUUID();
        recorder.insertEvents(List.of(new StoredEvent(id, 0, "bytes", every), new StoredEvent(id, 1, "empty", new byte[0])));

        List<StoredEvent> read = recorder.selectEvents(id);

        assertEquals(List.of(new StoredEvent(id, 0, "bytes", every), new StoredEvent(id, 1, "empty", new byte[0])), read);
    }

    @Test
    void aSelectionOfVersionsAndTopicsIsHonoured() {
        JpaApplicationRecorder recorder = database().applicationRecorder();
        UUID id = UUID.randomUUID();
        recorder.insertEvents(List.of(event(id, 1), event(id, 2), event(id, 3), event(id, 4)));

        assertEquals(List.of(event(id, 3)), recorder.selectEvents(id, EventSelection.all().upTo(3).descending().limit(1)));
        assertEquals(List.of(event(id, 2), event(id, 3)), recorder.selectEvents(id, EventSelection.all().after(1).upTo(3)));
        assertEquals(List.of(2L, 4L), recorder.selectNotifications(
                NotificationSelection.from(1, 10).topics(java.util.Set.of("topic2", "topic4"))).stream().map(Notification::id).toList());
        assertEquals(List.of(3L), recorder.selectNotifications(NotificationSelection.after(2, 10).stop(3))
                .stream().map(Notification::id).toList());
    }

    @Test
    void snapshotsLiveApartFromTheLog() {
        JpaAggregateRecorder snapshots = database().aggregateRecorder();
        UUID id = UUID.randomUUID();

        assertEquals(List.of(), snapshots.insertEvents(List.of(event(id, 2), event(id, 4))));
        var conflict = assertThrows(ConcurrencyConflictException.class, () -> snapshots.insertEvents(List.of(event(id, 4))));

        assertEquals(4, conflict.originatorVersion());
        assertEquals(List.of(event(id, 4)), snapshots.selectEvents(id, EventSelection.all().descending().limit(1)));
    }

    @Test
    void trackingIsRecordedWithTheEventsOrNotAtAll() {
        JpaProcessRecorder recorder = database().processRecorder();
        UUID id = UUID.randomUUID();
        recorder.insertEvents(List.of(event(id, 1)), new Tracking("upstream", 5));

        assertThrows(IntegrityException.class, () -> recorder.insertEvents(List.of(event(id, 2)), new Tracking("upstream", 5)));
        assertThrows(IntegrityException.class, () -> recorder.insertEvents(List.of(event(id, 2)), new Tracking("upstream", 4)));
        assertThrows(ConcurrencyConflictException.class,
                () -> recorder.insertEvents(List.of(event(id, 1)), new Tracking("upstream", 6)));

        assertEquals(5, recorder.maxTrackingId("upstream"));
        assertEquals(1, recorder.maxNotificationId());
    }

    @Test
    void aLockTimeoutIsAnOperationalError() throws Exception {
        PlannedTransactions holding = new PlannedTransactions(database().transactions());
        JpaTrackingRecorder holder = new JpaTrackingRecorder("lock-holder", holding);
        JpaTrackingRecorder impatient = new JpaTrackingRecorder("lock-holder", new JpaTransactions() {
            @Override
            public <T> T inTransaction(java.util.function.Function<jakarta.persistence.EntityManager, T> work) {
                return database().transactions().inTransaction(em -> {
                    em.createNativeQuery(database().shortLockTimeoutSql()).executeUpdate();
                    return work.apply(em);
                });
            }

            @Override
            public boolean ownsTransactions() {
                return true;
            }
        });
        String upstream = TestDatabase.uniqueName("upstream");
        var entered = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        var held = java.util.concurrent.CompletableFuture.runAsync(() -> holding.under(
                PlannedTransactions.Plan.holdUntil(entered, release),
                () -> {
                    holder.insertTracking(new Tracking(upstream, 1));
                    return null;
                }));
        try {
            assertTrue(entered.await(10, java.util.concurrent.TimeUnit.SECONDS));

            // The same position: the insert waits for the holder's uncommitted row, then gives up.
            var error = assertThrows(OperationalException.class, () -> impatient.insertTracking(new Tracking(upstream, 1)));

            assertTrue(error.getCause() != null, "the driver's exception is attached");
        } finally {
            release.countDown();
            held.get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertEquals(1, holder.maxTrackingId(upstream));
    }

    @Test
    void aDatabaseWithoutTheTablesIsAProgrammingError() throws Exception {
        JpaApplicationRecorder recorder = database().applicationRecorder();
        try (var connection = database().connection(); var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE es_tracking RENAME TO es_tracking_moved");
        }
        try {
            assertThrows(ProgrammingException.class, () -> new JpaTrackingRecorder("reader", database().transactions())
                    .maxTrackingId("upstream"));
        } finally {
            try (var connection = database().connection(); var statement = connection.createStatement()) {
                statement.execute("ALTER TABLE es_tracking_moved RENAME TO es_tracking");
            }
        }
        assertEquals(0, recorder.maxNotificationId());
    }
}
