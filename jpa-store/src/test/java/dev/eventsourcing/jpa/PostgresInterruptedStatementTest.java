package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import dev.eventsourcing.persistence.OperationalException;
import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No lock of the notification log outlives a statement that is cancelled, or runs out of its
 * {@code statement_timeout}, while it waits inside one of the PostgreSQL functions. A lock left
 * on a pooled connection would make every writer, or every writer and reader, of the
 * application wait for good.
 *
 * <p>Each case makes the statement wait at one step, deterministically: a second connection
 * holds, in an open transaction, the lock that step needs (the id sequence, through
 * {@code ALTER SEQUENCE}; the in-progress key; or an uncommitted row of the same aggregate
 * version). The test waits until {@code pg_stat_activity} shows the statement waiting on that
 * lock, then interrupts it. After the interrupted transaction has rolled back, {@code pg_locks}
 * must show no advisory lock of its connection, which stays open in its pool, and a writer and
 * a reader of another pool must finish at once, the reader seeing the writer's event.
 */
class PostgresInterruptedStatementTest {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql();

    // In-progress keys of es_reserve_notification_ids: (IN_PROGRESS_KEYS + application key, sequence value + 1).
    private static final long IN_PROGRESS_KEYS = 1163067392L;
    private static final String TIMEOUT = "2s";
    private static final long PROMPTLY_SECONDS = 10;

    /** A step of the functions, the lock the test holds to make a statement wait there, and its wait event. */
    enum Step {
        /** The first reservation of a transaction, waiting for the id sequence. */
        RESERVING_IDS("relation"),
        /** The first reservation of a transaction, waiting for its in-progress lock. */
        MARKING_IN_PROGRESS("advisory"),
        /** Inserting the events, waiting for another transaction that inserted the same version. */
        INSERTING("transactionid"),
        /** A reader's watermark (read for a page with a gap), waiting for the id sequence. */
        READING_THE_WATERMARK("relation");

        final String waitEvent;

        Step(String waitEvent) {
            this.waitEvent = waitEvent;
        }
    }

    /** How the waiting statement is interrupted. */
    enum Interruption { CANCEL, STATEMENT_TIMEOUT }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Step.class)
    void noLockOutlivesAStatementCancelledWhileItWaits(Step step) throws Exception {
        interruptAndCheck(step, Interruption.CANCEL);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Step.class)
    void noLockOutlivesAStatementThatTimesOutWhileItWaits(Step step) throws Exception {
        interruptAndCheck(step, Interruption.STATEMENT_TIMEOUT);
    }

    private void interruptAndCheck(Step step, Interruption interruption) throws Exception {
        String application = TestDatabase.uniqueName("interrupted");
        var setUp = new JpaApplicationRecorder(application, DATABASE.transactions(), DatabaseStrategy.postgresql());
        setUp.insertEvents(List.of(event(UUID.randomUUID(), "before")));
        if (step == Step.READING_THE_WATERMARK) {
            // A reader reads the watermark only for a page with a gap: an id taken and never
            // stored (as by a rollback), below a stored event, makes one.
            try (Connection connection = DATABASE.connection()) {
                execute(connection, "SELECT nextval('es_notification_ids_" + applicationKey(connection, application) + "')");
            }
            setUp.insertEvents(List.of(event(UUID.randomUUID(), "after a gap")));
        }
        UUID contested = UUID.randomUUID();
        // A pool of its own, as another process's: the interrupted connection stays open in it.
        EntityManagerFactory victimPool = DATABASE.openFactory();
        Victim victim = new Victim(victimPool, application, step, interruption, contested);
        List<String> leftBehind = List.of();
        int pid = victim.start();
        try (Connection blocker = DATABASE.connection()) {
            blocker.setAutoCommit(false);
            block(blocker, step, application, contested);
            victim.go();
            awaitWaiting(pid, step.waitEvent);
            if (interruption == Interruption.CANCEL) {
                cancel(pid);
            }
            RuntimeException failure = victim.failure();
            leftBehind = advisoryLocksOf(pid);
            blocker.rollback();

            assertInstanceOf(OperationalException.class, failure, "the interrupted call fails as operational");
            assertEquals("57014", sqlState(failure), "the statement was cancelled (57014), by the test or its timeout");
            List<String> locks = leftBehind;
            assertAll(
                    () -> assertEquals(List.of(), locks, "advisory locks left by backend " + pid),
                    () -> anotherWriterAndReaderFinishPromptly(application));
        } finally {
            if (!leftBehind.isEmpty()) {
                terminate(pid); // frees whatever waits for the locks left behind
            }
            TestDatabase.close(victimPool);
        }
    }

    /** Holds, in the blocker's open transaction, the lock that makes the step wait. */
    private static void block(Connection blocker, Step step, String application, UUID contested) throws SQLException {
        int key = applicationKey(blocker, application);
        switch (step) {
            case RESERVING_IDS, READING_THE_WATERMARK ->
                    execute(blocker, "ALTER SEQUENCE es_notification_ids_" + key + " CACHE 1");
            case MARKING_IN_PROGRESS -> execute(blocker, "SELECT pg_advisory_xact_lock(" + (IN_PROGRESS_KEYS + key)
                    + ", CAST(coalesce(pg_sequence_last_value('es_notification_ids_" + key + "'), 0) + 1 AS INTEGER))");
            case INSERTING -> {
                try (PreparedStatement insert = blocker.prepareStatement("""
                        INSERT INTO es_events (application_name, notification_id, originator_id, originator_version, topic, state)
                        VALUES (?, es_reserve_notification_ids(?, 1), ?, 1, 'blocker', '\\x00'::bytea)""")) {
                    insert.setString(1, application);
                    insert.setString(2, application);
                    insert.setObject(3, contested);
                    insert.executeUpdate();
                }
            }
        }
    }

    private static void anotherWriterAndReaderFinishPromptly(String application) throws Exception {
        var recorder = new JpaApplicationRecorder(application, DATABASE.transactions(), DatabaseStrategy.postgresql());
        var written = CompletableFuture.supplyAsync(() -> recorder.insertEvents(List.of(event(UUID.randomUUID(), "after"))));
        long id = promptly(written, "another writer").get(0);
        var read = CompletableFuture.supplyAsync(() -> recorder.selectNotifications(NotificationSelection.after(0, 100)));
        List<Long> ids = promptly(read, "a reader").stream().map(Notification::id).toList();
        assertTrue(ids.contains(id), "the reader sees the writer's event " + id + ", not only " + ids);
    }

    private static <T> T promptly(CompletableFuture<T> call, String who) throws Exception {
        try {
            return call.get(PROMPTLY_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return fail(who + " was still waiting after " + PROMPTLY_SECONDS + " s");
        }
    }

    /** The interrupted side: one transaction on its own pooled connection, run in another thread. */
    private static final class Victim {
        private final EntityManagerFactory pool;
        private final String application;
        private final Step step;
        private final Interruption interruption;
        private final UUID contested;
        private final CompletableFuture<Integer> pid = new CompletableFuture<>();
        private final CountDownLatch go = new CountDownLatch(1);
        private CompletableFuture<RuntimeException> outcome;

        Victim(EntityManagerFactory pool, String application, Step step, Interruption interruption, UUID contested) {
            this.pool = pool;
            this.application = application;
            this.step = step;
            this.interruption = interruption;
            this.contested = contested;
        }

        /** Begins the transaction and does what precedes the step; returns the backend's pid. */
        int start() throws Exception {
            outcome = CompletableFuture.supplyAsync(this::run);
            return pid.get(30, TimeUnit.SECONDS);
        }

        void go() {
            go.countDown();
        }

        /** What the interrupted call threw (null if it returned). */
        RuntimeException failure() throws Exception {
            return outcome.get(30, TimeUnit.SECONDS);
        }

        private RuntimeException run() {
            EntityManager em = pool.createEntityManager();
            try {
                em.getTransaction().begin();
                var recorder = new JpaApplicationRecorder(application, JpaTransactions.joining(em), DatabaseStrategy.postgresql());
                pid.complete(((Number) em.createNativeQuery("SELECT pg_backend_pid()").getSingleResult()).intValue());
                if (!go.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never told to go");
                }
                if (interruption == Interruption.STATEMENT_TIMEOUT) {
                    em.createNativeQuery("SET LOCAL statement_timeout = '" + TIMEOUT + "'").executeUpdate();
                }
                if (step == Step.READING_THE_WATERMARK) {
                    recorder.selectNotifications(NotificationSelection.after(0, 10));
                } else {
                    recorder.insertEvents(List.of(event(contested, "interrupted")));
                }
                return null;
            } catch (RuntimeException e) {
                pid.completeExceptionally(e);
                return e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                em.close();
            }
        }
    }

    private static StoredEvent event(UUID originatorId, String topic) {
        return new StoredEvent(originatorId, 1, topic, topic.getBytes(StandardCharsets.UTF_8));
    }

    /** Waits until the backend waits on a heavyweight lock of the given kind (never long: the lock is held). */
    private static void awaitWaiting(int pid, String waitEvent) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection connection = DATABASE.connection();
             PreparedStatement waiting = connection.prepareStatement("""
                     SELECT count(*) FROM pg_stat_activity WHERE pid = ? AND wait_event_type = 'Lock' AND wait_event = ?""")) {
            waiting.setInt(1, pid);
            waiting.setString(2, waitEvent);
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = waiting.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) == 1) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
        fail("backend " + pid + " never waited on a lock of kind " + waitEvent);
    }

    private static List<String> advisoryLocksOf(int pid) throws SQLException {
        List<String> locks = new ArrayList<>();
        try (Connection connection = DATABASE.connection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT classid, objid, mode FROM pg_locks WHERE locktype = 'advisory' AND pid = ? ORDER BY classid, objid""")) {
            select.setInt(1, pid);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    locks.add("(" + rows.getLong(1) + ", " + rows.getLong(2) + ") " + rows.getString(3));
                }
            }
        }
        return locks;
    }

    private static int applicationKey(Connection connection, String application) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT es_application_key(?)")) {
            select.setString(1, application);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static void cancel(int pid) throws SQLException {
        signal("pg_cancel_backend", pid);
    }

    private static void terminate(int pid) throws SQLException {
        signal("pg_terminate_backend", pid);
    }

    private static void signal(String function, int pid) throws SQLException {
        try (Connection connection = DATABASE.connection();
             PreparedStatement signal = connection.prepareStatement("SELECT " + function + "(?)")) {
            signal.setInt(1, pid);
            signal.execute();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
