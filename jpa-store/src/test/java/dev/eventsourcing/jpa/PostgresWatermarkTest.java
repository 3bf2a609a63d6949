package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.jpa.PlannedTransactions.Plan;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import dev.eventsourcing.persistence.ProgrammingException;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The details of PostgreSQL's visibility watermark that the shared suites cannot reach. */
class PostgresWatermarkTest {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql();

    /** The first half of the allocation lock's key (postgresql.sql). */
    private static final long ALLOCATION = 1163001856;

    private final String application = TestDatabase.uniqueName("watermark");

    @Test
    void aTransactionThatSavesManyTimesHoldsOneInProgressLock() {
        EntityManager em = DATABASE.factory().createEntityManager();
        try {
            em.getTransaction().begin();
            var recorder = new JpaApplicationRecorder(application, JpaTransactions.joining(em), DatabaseStrategy.postgresql());
            for (int i = 0; i < 300; i++) {
                recorder.insertEvents(List.of(NotificationOrderingTestCase.event("save-" + i)));
            }
            Number locks = (Number) em.createNativeQuery("""
                    SELECT count(*) FROM pg_locks
                    WHERE locktype = 'advisory' AND objsubid = 2 AND pid = pg_backend_pid()""").getSingleResult();
            em.getTransaction().commit();

            assertEquals(1, locks.intValue());
        } finally {
            em.close();
        }
        assertEquals(300, new JpaApplicationRecorder(application, DATABASE.transactions(), DatabaseStrategy.postgresql())
                .maxNotificationId());
    }

    @Test
    void readingOutsideReadCommittedIsRefused() {
        EntityManager em = DATABASE.factory().createEntityManager();
        try {
            em.getTransaction().begin();
            em.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").executeUpdate();
            var recorder = new JpaApplicationRecorder(application, JpaTransactions.joining(em), DatabaseStrategy.postgresql());

            var error = assertThrows(ProgrammingException.class, () -> recorder.selectNotifications(1, 10));

            assertTrue(error.getMessage().contains("READ COMMITTED"), error.getMessage());
        } finally {
            em.getTransaction().rollback();
            em.close();
        }
    }

    @Test
    void theWatermarkReadsLockKeysModuloTwoToTheThirtySecond() throws Exception {
        PlannedTransactions transactions = new PlannedTransactions(DATABASE.transactions());
        var recorder = new JpaApplicationRecorder(application, transactions, DatabaseStrategy.postgresql());
        long base = 1L << 32;
        try (var connection = DATABASE.connection(); var statement = connection.createStatement()) {
            statement.execute("SELECT setval(CAST(format('es_notification_ids_%s', es_application_key('" + application
                    + "')) AS REGCLASS), " + (base + 10) + ")");
        }
        long committedBefore = recorder.insertEvents(List.of(NotificationOrderingTestCase.event("before"))).get(0);
        CountDownLatch reserved = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var held = CompletableFuture.supplyAsync(() -> transactions.under(Plan.holdUntil(reserved, release),
                () -> recorder.insertEvents(List.of(NotificationOrderingTestCase.event("held")))));
        assertTrue(reserved.await(10, TimeUnit.SECONDS));

        long committedAfter = recorder.insertEvents(List.of(NotificationOrderingTestCase.event("after"))).get(0);
        List<Long> whileHeld = ids(recorder.selectNotifications(NotificationSelection.after(0, 10)));
        release.countDown();
        long heldId = held.get(10, TimeUnit.SECONDS).get(0);

        assertEquals(List.of(base + 11, base + 12, base + 13), List.of(committedBefore, heldId, committedAfter));
        // The held id's lock key is 12: read naively, the watermark would hide id 2^32 + 11 too.
        assertEquals(List.of(base + 11), whileHeld, "exactly the ids below the held one are visible");
        assertEquals(List.of(base + 11, base + 12, base + 13), ids(recorder.selectNotifications(NotificationSelection.after(0, 10))));
    }

    /**
     * A writer reads the sequence, then takes its in-progress lock. Here it is made to wait
     * between the two (another connection holds the key it asks for) while a second writer takes
     * and commits the next id. Locked at the key it read first, the writer would hide that
     * committed id again, lowering the watermark below what a reader may have returned.
     */
    @Test
    void aWriterOvertakenBeforeItsInProgressLockKeysItAboveTheIdsTakenMeanwhile() throws Exception {
        PlannedTransactions transactions = new PlannedTransactions(DATABASE.transactions());
        var recorder = new JpaApplicationRecorder(application, transactions, DatabaseStrategy.postgresql());
        EntityManager overtaking = DATABASE.factory().createEntityManager();
        CountDownLatch reserved = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (var blocker = DATABASE.connection(); var statement = blocker.createStatement()) {
            overtaking.getTransaction().begin();
            var overtaker = new JpaApplicationRecorder(application, JpaTransactions.joining(overtaking),
                    DatabaseStrategy.postgresql());
            overtaker.insertEvents(List.of(NotificationOrderingTestCase.event("first"))); // id 1, in progress from 1
            blocker.setAutoCommit(false);
            statement.execute("SELECT pg_advisory_xact_lock(" + inProgressKeys(statement) + ", 2)");
            var overtaken = CompletableFuture.supplyAsync(() -> transactions.under(Plan.holdUntil(reserved, release),
                    () -> recorder.insertEvents(List.of(NotificationOrderingTestCase.event("overtaken")))));
            awaitWaitingFor(statement, inProgressKeys(statement), 2);

            long overtakingId = overtaker.insertEvents(List.of(NotificationOrderingTestCase.event("second"))).get(0);
            overtaking.getTransaction().commit();
            blocker.rollback();
            assertTrue(reserved.await(10, TimeUnit.SECONDS));
            long visibleWhileHeld = recorder.maxNotificationId();
            release.countDown();
            long overtakenId = overtaken.get(10, TimeUnit.SECONDS).get(0);

            assertEquals(List.of(2L, 3L), List.of(overtakingId, overtakenId));
            assertEquals(2, visibleWhileHeld, "the id committed while the writer waited stays visible");
        } finally {
            release.countDown();
            overtaking.close();
        }
    }

    /**
     * The allocation lock keeps a batch's ids contiguous without making single ids wait for each
     * other: a single id takes it shared, a batch alone. Another connection holds it here as each
     * would, between taking its first id and setting the sequence past its last.
     */
    @Test
    void singleIdsShareTheAllocationLockThatABatchTakesAlone() throws Exception {
        var recorder = new JpaApplicationRecorder(application, DATABASE.transactions(), DatabaseStrategy.postgresql());
        try (var blocker = DATABASE.connection(); var statement = blocker.createStatement()) {
            long key = applicationKey(statement);
            blocker.setAutoCommit(false);
            statement.execute("SELECT pg_advisory_xact_lock_shared(" + ALLOCATION + ", " + key + ")");
            long single = CompletableFuture.supplyAsync(() -> recorder.insertEvents(
                    List.of(NotificationOrderingTestCase.event("single")))).get(10, TimeUnit.SECONDS).get(0);
            var batch = CompletableFuture.supplyAsync(() -> recorder.insertEvents(List.of(
                    NotificationOrderingTestCase.event("batch"), NotificationOrderingTestCase.event("batch"))));
            awaitWaitingFor(statement, ALLOCATION, key);
            blocker.rollback();
            assertEquals(List.of(single + 1, single + 2), batch.get(10, TimeUnit.SECONDS));

            statement.execute("SELECT pg_advisory_xact_lock(" + ALLOCATION + ", " + key + ")");
            var waiting = CompletableFuture.supplyAsync(() -> recorder.insertEvents(
                    List.of(NotificationOrderingTestCase.event("single"))));
            awaitWaitingFor(statement, ALLOCATION, key);
            blocker.rollback();
            assertEquals(List.of(single + 3), waiting.get(10, TimeUnit.SECONDS));
        }
    }

    /**
     * A read of some topics returns a page only if no id below its last row is missing, whatever
     * the topic: the missing id here is of another topic, but no reader can know that before it
     * commits, so a committed row of the kept topic above it must wait too.
     */
    @Test
    void aReadOfSomeTopicsStopsBelowAnIdInProgressOfAnotherTopic() throws Exception {
        PlannedTransactions transactions = new PlannedTransactions(DATABASE.transactions());
        var recorder = new JpaApplicationRecorder(application, transactions, DatabaseStrategy.postgresql());
        long before = recorder.insertEvents(List.of(NotificationOrderingTestCase.event("kept"))).get(0);
        CountDownLatch reserved = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var held = CompletableFuture.supplyAsync(() -> transactions.under(Plan.holdUntil(reserved, release),
                () -> recorder.insertEvents(List.of(NotificationOrderingTestCase.event("other")))));
        assertTrue(reserved.await(10, TimeUnit.SECONDS));

        long after = recorder.insertEvents(List.of(NotificationOrderingTestCase.event("kept"))).get(0);
        var kept = NotificationSelection.after(0, 10).topics(java.util.Set.of("kept"));
        List<Long> whileHeld = ids(recorder.selectNotifications(kept));
        List<Long> fromTheHeldOnWhileHeld = ids(recorder.selectNotifications(NotificationSelection.after(before, 10)
                .topics(java.util.Set.of("kept"))));
        release.countDown();
        long heldId = held.get(10, TimeUnit.SECONDS).get(0);

        assertEquals(List.of(before, heldId, after), List.of(1L, 2L, 3L));
        assertEquals(List.of(before), whileHeld, "only the row below the id in progress");
        assertEquals(List.of(), fromTheHeldOnWhileHeld, "nothing above the id in progress");
        assertEquals(List.of(before, after), ids(recorder.selectNotifications(kept)));
    }

    /**
     * The watermark reads the lock table, so a page that can hide nothing does without it: a page
     * whose ids run from its first without a gap, and an empty one. A page with a gap reads it.
     */
    @Test
    void onlyAPageWithAGapReadsTheWatermark() {
        var writer = new JpaApplicationRecorder(application, DATABASE.transactions(), DatabaseStrategy.postgresql());
        writer.insertEvents(List.of(NotificationOrderingTestCase.event("first"), NotificationOrderingTestCase.event("second")));

        assertEquals(List.of(0L, 0L), watermarkReads(NotificationSelection.after(0, 10), NotificationSelection.after(2, 10)));

        try (var connection = DATABASE.connection(); var statement = connection.createStatement()) {
            statement.execute("SELECT nextval(CAST(format('es_notification_ids_%s', es_application_key('" + application
                    + "')) AS REGCLASS))"); // id 3, taken and never stored
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        writer.insertEvents(List.of(NotificationOrderingTestCase.event("fourth")));

        assertEquals(List.of(1L, 0L), watermarkReads(NotificationSelection.after(0, 10), NotificationSelection.after(3, 10)));
    }

    /** How many times each read called the watermark function, counted by PostgreSQL for the transaction. */
    private List<Long> watermarkReads(NotificationSelection... selections) {
        EntityManager em = DATABASE.factory().createEntityManager();
        try {
            em.getTransaction().begin();
            em.createNativeQuery("SET LOCAL track_functions = 'pl'").executeUpdate();
            var reader = new JpaApplicationRecorder(application, JpaTransactions.joining(em), DatabaseStrategy.postgresql());
            List<Long> reads = new java.util.ArrayList<>();
            long before = 0;
            for (NotificationSelection selection : selections) {
                reader.selectNotifications(selection);
                long after = ((Number) em.createNativeQuery(
                        "SELECT coalesce(pg_stat_get_xact_function_calls(CAST('es_notification_watermark' AS REGPROC)), 0)")
                        .getSingleResult()).longValue();
                reads.add(after - before);
                before = after;
            }
            return reads;
        } finally {
            em.getTransaction().rollback();
            em.close();
        }
    }

    /** An id rolled back for good leaves a gap that a reader passes once the watermark is above it. */
    @Test
    void aReadPassesAnIdRolledBackForGood() {
        PlannedTransactions transactions = new PlannedTransactions(DATABASE.transactions());
        var recorder = new JpaApplicationRecorder(application, transactions, DatabaseStrategy.postgresql());
        recorder.insertEvents(List.of(NotificationOrderingTestCase.event("first")));
        var rolledBack = assertThrows(dev.eventsourcing.persistence.RecorderException.class,
                () -> transactions.under(Plan.rollBack(),
                        () -> recorder.insertEvents(List.of(NotificationOrderingTestCase.event("rolled back")))));
        assertTrue(rolledBack.getCause() instanceof PlannedTransactions.PlannedRollback, "rolled back as planned");
        recorder.insertEvents(List.of(NotificationOrderingTestCase.event("third")));

        assertEquals(List.of(1L, 3L), ids(recorder.selectNotifications(NotificationSelection.after(0, 10))));
        assertEquals(List.of(3L), ids(recorder.selectNotifications(NotificationSelection.after(1, 10))));
        assertEquals(3, recorder.maxNotificationId());
    }

    private long inProgressKeys(java.sql.Statement statement) throws java.sql.SQLException {
        return 1163067392 + applicationKey(statement);
    }

    private long applicationKey(java.sql.Statement statement) throws java.sql.SQLException {
        try (var rows = statement.executeQuery("SELECT es_application_key('" + application + "')")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void awaitWaitingFor(java.sql.Statement statement, long classId, long objId) throws Exception {
        for (int i = 0; i < 3000; i++) {
            try (var rows = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                    + " AND classid = " + classId + " AND objid = " + objId)) {
                rows.next();
                if (rows.getInt(1) == 1) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no writer ever waited for the lock " + classId + ", " + objId);
    }

    private static List<Long> ids(List<Notification> notifications) {
        return notifications.stream().map(Notification::id).toList();
    }
}
