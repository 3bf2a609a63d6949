package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import dev.eventsourcing.persistence.RecorderException;
import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nodes of a cluster booting at the same instant each create the tables
 * ({@link JpaSchema#createTables}): every one of them must succeed, on a fresh database and on
 * one whose tables exist. A node is an entity manager factory, and so a connection pool, of its
 * own, run by a thread; a latch starts them together. The race runs for several rounds, as one
 * round may come out serialised by chance. A script that fails must not leave its lock behind.
 * Subclasses name the database and the JPA provider.
 */
abstract class ConcurrentSchemaCreationTestCase {

    static final int NODES = 6;
    static final int ROUNDS = 10;
    static final String VIEWS = "META-INF/eventsourcing-test/views.sql";

    private final List<EntityManagerFactory> factories = new ArrayList<>();
    private final List<JpaTransactions> nodes = new ArrayList<>();
    private ExecutorService threads;

    abstract TestDatabase database();

    @BeforeEach
    void startNodes() {
        threads = Executors.newFixedThreadPool(NODES);
        for (int n = 0; n < NODES; n++) {
            EntityManagerFactory factory = database().openFactory();
            factories.add(factory);
            JpaTransactions node = JpaTransactions.resourceLocal(factory);
            // Connect ahead, so that opening a connection does not stagger the race.
            node.inTransaction(em -> em.createNativeQuery("SELECT 1").getSingleResult());
            nodes.add(node);
        }
    }

    @AfterEach
    void stopNodes() throws InterruptedException {
        threads.shutdownNow();
        try {
            assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS), "test threads ended");
        } finally {
            // Closing the pools also frees any lock a failed test left with a connection.
            factories.forEach(TestDatabase::close);
        }
    }

    List<JpaTransactions> nodes() {
        return nodes;
    }

    ExecutorService threads() {
        return threads;
    }

    @Test
    void nodesCreatingTheTablesOfAFreshDatabaseAtTheSameInstantAllSucceed() throws Exception {
        assertNoRoundFails("on a fresh database", true);
    }

    @Test
    void nodesRestartingAtTheSameInstantOnExistingTablesAllSucceed() throws Exception {
        database().dropStore();
        JpaSchema.createTables(nodes.get(0), database().strategy());

        assertNoRoundFails("on existing tables", false);
    }

    @Test
    void nodesRunningAnApplicationsOwnScriptOnAFreshDatabaseAtTheSameInstantAllSucceed() throws Exception {
        List<String> failures = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            nodes.get(0).inTransaction(em -> em.createNativeQuery("DROP TABLE IF EXISTS test_view_rows").executeUpdate());
            List<String> ofRound = race(node -> JpaSchema.runScript(node, VIEWS, getClass().getClassLoader()));
            if (!ofRound.isEmpty()) {
                failures.add("round " + round + ": " + ofRound);
            }
        }
        assertEquals(List.of(), failures, "Concurrent runScript on a fresh database, " + database());
        Object rows = nodes.get(1).inTransaction(em -> em.createNativeQuery("SELECT COUNT(*) FROM test_view_rows").getSingleResult());
        assertEquals(0L, ((Number) rows).longValue());
    }

    private void assertNoRoundFails(String situation, boolean dropEachRound) throws Exception {
        List<String> failures = new ArrayList<>();
        int failedRounds = 0;
        int failedNodes = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            if (dropEachRound) {
                database().dropStore();
            }
            List<String> ofRound = race(node -> JpaSchema.createTables(node, database().strategy()));
            if (!ofRound.isEmpty()) {
                failedRounds++;
                failedNodes += ofRound.size();
                failures.add("round " + round + ": " + ofRound);
            }
        }
        String summary = "Concurrent createTables " + situation + ", " + database() + ": " + failedRounds + " of "
                + ROUNDS + " rounds failed, " + failedNodes + " of " + ROUNDS * NODES + " node starts";
        System.out.println(summary);
        assertEquals(0, failedRounds, summary + "\n" + String.join("\n", failures));
        assertTheStoreWorks();
    }

    /** Lets every node run the script at once; returns what went wrong, one entry per failed node. */
    private List<String> race(Consumer<JpaTransactions> script) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (JpaTransactions node : nodes) {
            outcomes.add(threads.submit(() -> {
                start.await();
                try {
                    script.accept(node);
                    return null;
                } catch (RuntimeException e) {
                    return e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            }));
        }
        start.countDown();
        List<String> failures = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            String failure = outcome.get(120, TimeUnit.SECONDS);
            if (failure != null) {
                failures.add(failure);
            }
        }
        return failures;
    }

    @Test
    void aScriptThatFailsLeavesNoLockBehind() throws Exception {
        database().dropStore();
        DatabaseStrategy strategy = database().strategy();
        assertThrows(RecorderException.class, () -> JpaSchema.createTables(nodes.get(0), strategy.schema(),
                "META-INF/eventsourcing-test/failing.sql", strategy + " with a failing script"));

        // A lock left with the failed node's pooled connection would keep the next node waiting
        // (on MariaDB for a minute, then failing).
        threads.submit(() -> JpaSchema.createTables(nodes.get(1), database().strategy())).get(10, TimeUnit.SECONDS);
        assertTheStoreWorks();
    }

    /** Every node can record and read events in the tables the race made. */
    void assertTheStoreWorks() {
        for (JpaTransactions node : nodes) {
            var recorder = new JpaApplicationRecorder(TestDatabase.uniqueName("after-race"), node, database().strategy());
            StoredEvent event = new StoredEvent(UUID.randomUUID(), 1, "Created", "{}".getBytes(StandardCharsets.UTF_8));
            recorder.insertEvents(List.of(event));
            List<Notification> log = recorder.selectNotifications(NotificationSelection.after(0, 10));
            assertEquals(List.of(event), log.stream().map(Notification::storedEvent).toList());
        }
    }
}
