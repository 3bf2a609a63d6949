package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.persistence.ConcurrencyConflictException;
import dev.eventsourcing.persistence.ProgrammingException;
import dev.eventsourcing.persistence.SnapshotAndEvents;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Tracking;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Recorders that join the caller's transaction, as they do with a container-managed entity
 * manager in JTA: here the caller is the test, holding an application-managed entity manager
 * and its transaction, which is what the recorder sees through {@link JpaTransactions#joining}.
 * Subclasses name the database.
 */
abstract class JoiningTransactionsTestCase {

    abstract TestDatabase database();

    private final String application = TestDatabase.uniqueName("joined");

    private static StoredEvent event(UUID id, long version) {
        return new StoredEvent(id, version, "topic", new byte[] {1, 2, 3});
    }

    /** Runs the caller's work in its own transaction, committing or rolling back as told. */
    private void asCaller(boolean commit, Consumer<EntityManager> work) {
        EntityManager em = database().factory().createEntityManager();
        try {
            em.getTransaction().begin();
            try {
                work.accept(em);
            } finally {
                if (commit && !em.getTransaction().getRollbackOnly()) {
                    em.getTransaction().commit();
                } else {
                    em.getTransaction().rollback();
                }
            }
        } finally {
            em.close();
        }
    }

    private JpaProcessRecorder joined(EntityManager em) {
        return new JpaProcessRecorder(application, JpaTransactions.joining(em), database().strategy());
    }

    private JpaProcessRecorder own() {
        return new JpaProcessRecorder(application, database().transactions(), database().strategy());
    }

    @Test
    void eventsAndTrackingCommitWithTheCallersTransaction() {
        UUID id = UUID.randomUUID();

        asCaller(true, em -> joined(em).insertEvents(List.of(event(id, 1), event(id, 2)), new Tracking("upstream", 4)));

        assertEquals(2, own().selectEvents(id).size());
        assertEquals(4, own().maxTrackingId("upstream"));
    }

    @Test
    void aSnapshotAndTheEventsAfterItAreReadInTheCallersTransaction() {
        UUID id = UUID.randomUUID();

        asCaller(false, em -> {
            JpaTransactions joining = JpaTransactions.joining(em);
            JpaProcessRecorder events = new JpaProcessRecorder(application, joining, database().strategy());
            JpaAggregateRecorder snapshots = new JpaAggregateRecorder(application, joining, database().strategy());
            events.insertEvents(List.of(event(id, 1), event(id, 2), event(id, 3)));
            snapshots.insertEvents(List.of(event(id, 2)));

            SnapshotAndEvents read = events.selectFromSnapshot(id, snapshots, null);

            assertEquals(event(id, 2), read.snapshot());
            assertEquals(List.of(event(id, 3)), read.events());
        });

        assertEquals(List.of(), own().selectEvents(id));
    }

    @Test
    void aCallerRollbackDiscardsTheRecordersWrites() {
        UUID id = UUID.randomUUID();

        asCaller(false, em -> {
            assertEquals(List.of(1L), joined(em).insertEvents(List.of(event(id, 1)), new Tracking("upstream", 1)));
            assertEquals(1, joined(em).selectEvents(id).size(), "the caller's transaction sees its own writes");
        });

        assertEquals(List.of(), own().selectEvents(id));
        assertEquals(0, own().maxTrackingId("upstream"));
        assertEquals(1, own().insertEvents(List.of(event(id, 1))).size(), "the rolled-back version is free again");
    }

    @Test
    void anApplicationRegisteringOnFirstUseCommitsNothingOfTheCallersTransaction() {
        UUID earlier = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        String unregistered = TestDatabase.uniqueName("unregistered");
        own().register();

        asCaller(false, em -> {
            joined(em).insertEvents(List.of(event(earlier, 1)));
            new JpaProcessRecorder(unregistered, JpaTransactions.joining(em), database().strategy())
                    .insertEvents(List.of(event(first, 1)));
        });

        assertEquals(List.of(), own().selectEvents(earlier), "the caller's earlier write is rolled back with the rest");
        assertEquals(List.of(), new JpaProcessRecorder(unregistered, database().transactions(), database().strategy()).selectEvents(first));
    }

    @Test
    void aTakenVersionFailsInTheCallNotAtTheCallersCommit() {
        UUID id = UUID.randomUUID();
        own().insertEvents(List.of(event(id, 1)));

        asCaller(true, em -> {
            var conflict = assertThrows(ConcurrencyConflictException.class, () -> joined(em).insertEvents(List.of(event(id, 1))));
            assertEquals(1, conflict.originatorVersion());
        });

        assertEquals(1, own().selectEvents(id).size());
    }

    @Test
    void aRefusedCallPutsBackThePositionItMovedForTheCallersCommit() {
        UUID id = UUID.randomUUID();
        own().insertEvents(List.of(event(id, 1)), new Tracking("upstream", 2));

        asCaller(true, em -> assertThrows(ConcurrencyConflictException.class,
                () -> joined(em).insertEvents(List.of(event(id, 2), event(id, 1)), new Tracking("upstream", 3))));

        assertEquals(2, own().maxTrackingId("upstream"), "the position before the refused events");
        own().insertEvents(List.of(event(id, 2)), new Tracking("upstream", 3));
        assertEquals(3, own().maxTrackingId("upstream"));
    }

    @Test
    void aRefusedCallLeavesNothingForTheCallersCommit() {
        UUID id = UUID.randomUUID();
        own().insertEvents(List.of(event(id, 1)));

        asCaller(true, em -> assertThrows(ConcurrencyConflictException.class,
                () -> joined(em).insertEvents(List.of(event(id, 2), event(id, 1)), new Tracking("upstream", 3))));

        assertEquals(List.of(event(id, 1)), own().selectEvents(id));
        assertEquals(0, own().maxTrackingId("upstream"), "the position recorded with the refused events");
        List<Long> next = own().insertEvents(List.of(event(id, 2)));
        if (database().strategy() instanceof CounterRowStrategy) {
            assertEquals(List.of(2L), next, "the refused call's ids are given back: the log has no gap");
        }
    }

    @Test
    void aRecorderCalledWithoutATransactionSaysSo() {
        EntityManager em = database().factory().createEntityManager();
        try {
            var error = assertThrows(ProgrammingException.class, () -> joined(em).insertEvents(List.of(event(UUID.randomUUID(), 1))));
            assertTrue(error.getMessage().contains("active JTA transaction"), error.getMessage());
        } finally {
            em.close();
        }
    }
}
