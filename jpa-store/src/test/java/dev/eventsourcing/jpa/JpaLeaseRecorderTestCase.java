package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.persistence.LeaseRecorderTestCase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lease contract on JPA, and what the JPA recorder adds to it: nodes with connection pools of
 * their own (as separate processes have) renewing at once never share a segment and log nothing,
 * a round joins its caller's transaction and rolls back with it, leases expire by the database's
 * clock, and a store made before leases existed gets their tables from the script.
 */
abstract class JpaLeaseRecorderTestCase extends LeaseRecorderTestCase<JpaLeaseRecorder> {

    @RegisterExtension
    final LoggedProblems logged = new LoggedProblems();

    /** The test class's database. */
    protected abstract TestDatabase database();

    @Override
    protected JpaLeaseRecorder createRecorder() {
        return new JpaLeaseRecorder(database().transactions(), database().strategy());
    }

    /**
     * Three nodes, each with an entity manager factory (and so a connection pool) of its own,
     * renew in two groups in waves, all six rounds of a wave at once; one node leaves midway and
     * comes back. Every wave is checked as in the contract ({@link #assertWave}), the nodes end
     * with shares of 3, 3 and 2, and nothing is logged at WARN or above.
     */
    @Test
    void nodesWithPoolsOfTheirOwnRenewingAtOnceNeverShareASegmentAndLogNothing() throws Exception {
        List<String> groups = List.of(group(), group());
        int segments = 8;
        List<EntityManagerFactory> factories = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            Map<String, JpaLeaseRecorder> nodes = new TreeMap<>();
            for (String node : List.of("node-0", "node-1", "node-2")) {
                EntityManagerFactory factory = database().openFactory();
                factories.add(factory);
                nodes.put(node, new JpaLeaseRecorder(JpaTransactions.resourceLocal(factory), database().strategy()));
            }
            logged.clear();
            Map<String, Map<String, SortedSet<Integer>>> held = new HashMap<>();
            groups.forEach(group -> held.put(group, new TreeMap<>()));
            for (int wave = 0; wave < 14; wave++) {
                Set<String> renewing = new TreeSet<>(nodes.keySet());
                if (wave >= 6 && wave < 9) {
                    renewing.remove("node-1");
                }
                if (wave == 6) {
                    groups.forEach(group -> {
                        nodes.get("node-1").release(group, "node-1");
                        held.get(group).remove("node-1");
                    });
                }
                Map<String, Map<String, SortedSet<Integer>>> after = wave(threads, nodes, renewing, groups, segments);
                for (String group : groups) {
                    assertWave(held.get(group), after.get(group), createRecorder().holders(group), "wave " + wave);
                    held.put(group, after.get(group));
                }
            }
            for (String group : groups) {
                assertEquals(List.of(2, 3, 3), held.get(group).values().stream().map(Set::size).sorted().toList(),
                        held.toString());
            }
        } finally {
            threads.shutdownNow();
            factories.forEach(TestDatabase::close);
        }
        logged.assertNone();
    }

    // One round of each renewing node in each group, all released at once; what each returned.
    private static Map<String, Map<String, SortedSet<Integer>>> wave(ExecutorService threads,
            Map<String, JpaLeaseRecorder> nodes, Set<String> renewing, List<String> groups, int segments) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Map<String, Map<String, Future<SortedSet<Integer>>>> rounds = new HashMap<>();
        for (String group : groups) {
            for (String node : renewing) {
                rounds.computeIfAbsent(group, g -> new TreeMap<>()).put(node, threads.submit(() -> {
                    start.await();
                    return nodes.get(node).renew(group, node, segments, LONG);
                }));
            }
        }
        start.countDown();
        Map<String, Map<String, SortedSet<Integer>>> after = new HashMap<>();
        for (var byGroup : rounds.entrySet()) {
            for (var round : byGroup.getValue().entrySet()) {
                after.computeIfAbsent(byGroup.getKey(), g -> new TreeMap<>())
                        .put(round.getKey(), round.getValue().get(60, TimeUnit.SECONDS));
            }
        }
        return after;
    }

    @Test
    void aRoundInTheCallersTransactionRollsBackWithIt() {
        JpaLeaseRecorder recorder = createRecorder();
        String group = group();
        ThreadBoundTransactions transactions = (ThreadBoundTransactions) database().transactions();

        assertThrows(IllegalStateException.class, () -> transactions.inNewTransaction(resource -> {
            assertEquals(Set.of(0, 1), recorder.renew(group, "a", 2, LONG));
            throw new IllegalStateException("the caller's work failed");
        }));

        assertEquals(OptionalInt.empty(), recorder.segments(group));
        assertEquals(Map.of(), recorder.holders(group));
        transactions.inNewTransaction(resource -> recorder.renew(group, "a", 2, LONG));
        assertEquals(Map.of(0, "a", 1, "a"), recorder.holders(group));
    }

    /**
     * A caller's transaction that read before its round may see rows older than the group's lock
     * (MariaDB's REPEATABLE READ keeps the snapshot of the first read): the round then thinks the
     * other node's segments free, and the guarded updates keep it from taking them.
     */
    @Test
    void aRoundInACallersTransactionThatReadEarlierNeverTakesAHeldSegment() throws Exception {
        JpaLeaseRecorder recorder = createRecorder();
        String group = group();
        recorder.renew(group, "a", 4, LONG);
        recorder.release(group, "a");
        ThreadBoundTransactions transactions = (ThreadBoundTransactions) database().transactions();
        EntityManagerFactory otherNode = database().openFactory();
        try {
            JpaLeaseRecorder other = new JpaLeaseRecorder(JpaTransactions.resourceLocal(otherNode), database().strategy());
            SortedSet<Integer> ofA = transactions.inNewTransaction(resource -> {
                ((EntityManager) resource).createNativeQuery("SELECT COUNT(*) FROM es_leases").getSingleResult();
                assertEquals(Set.of(0, 1, 2, 3), runElsewhere(() -> other.renew(group, "b", 4, LONG)));
                return recorder.renew(group, "a", 4, LONG);
            });

            assertEquals(Set.of(), ofA);
            assertEquals(Map.of(0, "b", 1, "b", 2, "b", 3, "b"), recorder.holders(group));
        } finally {
            TestDatabase.close(otherNode);
        }
    }

    private static <T> T runElsewhere(java.util.concurrent.Callable<T> work) {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return thread.submit(work).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void leasesExpireByTheDatabasesClock() throws SQLException {
        JpaLeaseRecorder recorder = createRecorder();
        String group = group();
        long before = databaseNow();
        recorder.renew(group, "a", 1, Duration.ofSeconds(30));
        long after = databaseNow();

        long expiresAt = single("SELECT expires_at FROM es_leases WHERE group_name = '" + group + "'");
        assertTrue(expiresAt >= before + 30_000_000 && expiresAt <= after + 30_000_000,
                before + " + 30 s <= " + expiresAt + " <= " + after + " + 30 s");
    }

    @Test
    void namesLongerThanTheirColumnsAreRefused() {
        JpaLeaseRecorder recorder = createRecorder();

        assertThrows(IllegalArgumentException.class, () -> recorder.renew("g".repeat(256), "a", 1, LONG));
        assertThrows(IllegalArgumentException.class, () -> recorder.renew(group(), "n".repeat(256), 1, LONG));
        recorder.release("g".repeat(256), "a");
    }

    @Test
    void aStoreMadeBeforeLeasesGetsTheirTablesFromTheScript() throws SQLException {
        try (Connection connection = database().connection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE es_leases");
            statement.execute("DROP TABLE es_lease_members");
            statement.execute("DROP TABLE es_lease_groups");
        }

        JpaSchema.createTables(database().transactions(), database().strategy());

        String group = group();
        assertEquals(Set.of(0, 1, 2), createRecorder().renew(group, "a", 3, LONG));
    }

    @Test
    void deletingAllRowsForgetsTheGroups() {
        JpaLeaseRecorder recorder = createRecorder();
        String group = group();
        recorder.renew(group, "a", 3, LONG);

        JpaSchema.deleteAllRows(database().transactions());

        assertEquals(OptionalInt.empty(), recorder.segments(group));
        assertEquals(Set.of(0, 1), recorder.renew(group, "a", 2, LONG));
    }

    private long databaseNow() {
        return database().transactions().inTransaction(em -> LeaseRows.now(em, database().strategy().schema()));
    }

    private long single(String query) throws SQLException {
        try (Connection connection = database().connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            assertTrue(rows.next(), query);
            return rows.getLong(1);
        }
    }
}
