package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.MetricsListener;
import dev.eventsourcing.Settings;
import dev.eventsourcing.persistence.ParkedNotification;
import dev.eventsourcing.persistence.ParkedNotification.Status;
import dev.eventsourcing.system.ApplicationSystem;
import dev.eventsourcing.system.MultiThreadedRunner;
import dev.eventsourcing.system.RunnerSettings;
import dev.eventsourcing.system.fixtures.Bank;
import dev.eventsourcing.system.transfers.Accounts;
import dev.eventsourcing.system.transfers.TransferWorkload;
import dev.eventsourcing.system.transfers.Transfers;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two runners on one database, as two nodes of a cluster would run: each with its own entity
 * manager factory (connection pool), executor and {@link ThreadBoundTransactions}, both running
 * the projection "balances" of the same Bank log into one view table, written through the
 * entity manager of the runner's transaction. Writers on both nodes append events, some in
 * transactions rolled back (which leaves gaps in the ids where the database takes ids from a
 * sequence). Every notification lands in the view exactly once; a poison notification is parked
 * with those of its originator behind it, and processed once retried.
 */
abstract class TwoRunnersTestCase {

    private static final ApplicationSystem BANK = ApplicationSystem.builder().add(Bank.class).build();
    private static final ApplicationSystem TRANSFERS = ApplicationSystem.builder()
            .pipe(Transfers.class, Accounts.class, Transfers.class).build();
    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    private static final int WRITERS_PER_NODE = 2;
    private static final int SAVES_PER_WRITER = 30;

    /** The test class's database. */
    protected abstract TestDatabase database();

    private final List<Node> nodes = new ArrayList<>();

    @RegisterExtension
    final LoggedProblems logged = new LoggedProblems();

    @AfterEach
    void stopTheNodes() {
        nodes.forEach(Node::close);
    }

    @Test
    void everyNotificationIsHandledExactlyOnceByTwoRunnersWhileWritersRollBackInBetween() throws Exception {
        Settings store = database().freshStoreSettings();
        BalancesView view = new BalancesView();
        Node a = start("a", store, view);
        Node b = start("b", store, view);

        ExecutorService writers = Executors.newFixedThreadPool(2 * WRITERS_PER_NODE);
        try {
            List<Future<?>> writing = new ArrayList<>();
            for (int i = 0; i < WRITERS_PER_NODE; i++) {
                writing.add(writers.submit(() -> write(a)));
                writing.add(writers.submit(() -> write(b)));
            }
            for (Future<?> writer : writing) {
                writer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            writers.shutdownNow();
        }
        a.runner.waitUntilCaughtUp(CATCH_UP);
        b.runner.waitUntilCaughtUp(CATCH_UP);

        List<Long> committed = a.committedIds();
        Map<Long, Long> handled = a.viewRowsPerNotification();
        Map<Long, Long> once = new TreeMap<>();
        committed.forEach(id -> once.put(id, 1L));
        assertEquals(once, handled, "view rows per notification id");
        assertEquals(List.of(), a.runner.parked("balances", null, 10), "nothing failed, so nothing is parked");
        assertEquals(2 * WRITERS_PER_NODE * (SAVES_PER_WRITER - SAVES_PER_WRITER / 4), committed.size());
        if (database().strategy() instanceof PostgresWatermarkStrategy) {
            assertTrue(committed.get(committed.size() - 1) > committed.size(), "rolled-back writers left gaps in the ids");
        }
        System.out.println(getClass().getSimpleName() + ": " + committed.size() + " notifications up to id "
                + committed.get(committed.size() - 1) + ", handled by node a: " + a.viewRowsBy("a") + ", by node b: "
                + a.viewRowsBy("b"));
    }

    @Test
    void aPoisonNotificationIsParkedWithItsOriginatorsLaterOnesAndProcessedWhenRetried() {
        Settings store = database().freshStoreSettings();
        BalancesView view = new BalancesView();
        Node a = start("a", store, view);
        Node b = start("b", store, view);
        Bank bankA = a.runner.get(Bank.class);
        Bank bankB = b.runner.get(Bank.class);

        UUID poisoned = bankA.open(BalancesView.POISON);
        UUID healthy = bankB.open(10);
        long behind1 = bankB.credit(poisoned, 5);
        bankA.credit(healthy, 5);
        long behind2 = bankA.credit(poisoned, 7);
        UUID later = bankB.open(1);
        a.runner.waitUntilCaughtUp(CATCH_UP);
        b.runner.waitUntilCaughtUp(CATCH_UP);

        long poison = a.idOf(poisoned, 1);
        List<ParkedNotification> parked = a.runner.parked("balances", Status.PARKED, 10);
        assertEquals(List.of(poison, behind1, behind2), parked.stream().map(ParkedNotification::notificationId).toList());
        assertEquals(List.of(0L, poison, poison), parked.stream().map(ParkedNotification::behind).toList());
        assertEquals(2, parked.get(0).attempts());
        assertTrue(parked.get(0).error().contains("poisoned"), parked.get(0).error());
        assertEquals(List.of(poisoned, poisoned, poisoned), parked.stream().map(ParkedNotification::originatorId).toList());
        assertEquals(0, a.viewRowsOf(poisoned));
        assertEquals(2, a.viewRowsOf(healthy));
        assertEquals(1, a.viewRowsOf(later));
        assertEquals(a.committedIds().size() - 3, a.viewRowsPerNotification().size());

        view.cure();
        assertEquals(3, a.runner.retry("balances", "Bank", poison));

        assertEquals(3, a.viewRowsOf(poisoned));
        assertTrue(a.viewRowsPerNotification().values().stream().allMatch(rows -> rows == 1));
        assertEquals(a.committedIds(), List.copyOf(a.viewRowsPerNotification().keySet()));
        List<ParkedNotification> retried = b.runner.parked("balances", Status.RETRIED, 10);
        assertEquals(List.of(poison, behind1, behind2), retried.stream().map(ParkedNotification::notificationId).toList());
        assertTrue(retried.stream().allMatch(p -> p.resolvedAt() != null));
        assertEquals(List.of(), b.runner.parked("balances", Status.PARKED, 10));
    }

    /**
     * The projection divided into 4 segments: the runners share them through leases in the
     * database, 2 each, and every notification is still handled once; when one runner stops, it
     * gives its segments back and the other takes them at its next round. Nothing is logged at
     * WARN or above, although the runners renew their leases at once several times a second.
     */
    @Test
    void aDividedReaderSharesItsSegmentsBetweenTheRunnersAndHandlesEveryNotificationOnce() throws Exception {
        Settings store = database().freshStoreSettings();
        BalancesView view = new BalancesView();
        Map<String, String> divided = Map.of(RunnerSettings.SEGMENTS, "4", RunnerSettings.LEASE, "900");
        Node a = start("a", store, view, divided);
        Node b = start("b", store, view, divided);
        awaitHeld(a, 2);
        awaitHeld(b, 2);
        logged.clear(); // the units' own warnings as they started

        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<?> onA = writers.submit(() -> write(a));
            Future<?> onB = writers.submit(() -> write(b));
            onA.get(2, TimeUnit.MINUTES);
            onB.get(2, TimeUnit.MINUTES);
        } finally {
            writers.shutdownNow();
        }
        a.runner.waitUntilCaughtUp(CATCH_UP);
        b.runner.waitUntilCaughtUp(CATCH_UP);
        assertHandledOnce(a);
        assertTrue(a.viewRowsBy("a") > 0 && a.viewRowsBy("b") > 0,
                "both runners handled notifications: a " + a.viewRowsBy("a") + ", b " + a.viewRowsBy("b"));

        b.close();
        nodes.remove(b);
        awaitHeld(a, 4);
        write(a);
        a.runner.waitUntilCaughtUp(CATCH_UP);
        assertHandledOnce(a);
        logged.assertNone();
    }

    /**
     * Both process applications of a transfer system divided into 4 segments on two runners:
     * each policy runs once per upstream notification overall (each transfer ends once and money
     * is conserved), both runners run the policies, and every segment's position reaches the end
     * of the log it follows.
     */
    @Test
    void aDividedProcessApplicationSharesItsSegmentsBetweenTheRunnersAndRunsEachPolicyOnce() throws Exception {
        Settings store = database().freshStoreSettings();
        Map<String, String> divided = Map.of(RunnerSettings.SEGMENTS, "4", RunnerSettings.LEASE, "900");
        Node a = start("a", store, TRANSFERS, null, divided);
        Node b = start("b", store, TRANSFERS, null, divided);
        awaitHeld(a, 2);
        awaitHeld(b, 2);
        logged.clear();

        TransferWorkload workload = new TransferWorkload(6, 40, 5);
        TransferWorkload.EndState end = workload.run(a.runner.get(Accounts.class), b.runner.get(Transfers.class), () -> {
            a.runner.waitUntilCaughtUp(CATCH_UP);
            b.runner.waitUntilCaughtUp(CATCH_UP);
        });

        assertTrue(end.outcomes().stream().allMatch(outcome -> outcome.endsWith(" v2")),
                "each transfer ended exactly once: " + end.outcomes());
        BigDecimal opened = new TransferWorkload(6, 0, 5).run(new Accounts(Settings.empty()),
                new Transfers(Settings.empty()), () -> { }).balances().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(opened, end.balances().stream().reduce(BigDecimal.ZERO, BigDecimal::add), "money is conserved");
        long transfersEnd = a.runner.get(Transfers.class).recorder().maxNotificationId();
        long accountsEnd = a.runner.get(Accounts.class).recorder().maxNotificationId();
        for (int segment = 0; segment < 4; segment++) {
            assertEquals(transfersEnd, a.runner.get(Accounts.class).processRecorder()
                    .maxTrackingId("Transfers#" + segment + "/4"), "Accounts' position in segment " + segment);
            assertEquals(accountsEnd, a.runner.get(Transfers.class).processRecorder()
                    .maxTrackingId("Accounts#" + segment + "/4"), "Transfers' position in segment " + segment);
        }
        assertTrue(a.processedBy("Accounts") > 0 && b.processedBy("Accounts") > 0,
                "both runners ran the Accounts policy: a " + a.processedBy("Accounts") + ", b "
                        + b.processedBy("Accounts"));
        logged.assertNone();
    }

    private static void assertHandledOnce(Node node) {
        Map<Long, Long> once = new TreeMap<>();
        node.committedIds().forEach(id -> once.put(id, 1L));
        assertEquals(once, node.viewRowsPerNotification(), "view rows per notification id");
    }

    private static void awaitHeld(Node node, int segments) throws InterruptedException {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (node.runner.statuses().get(0).held().size() != segments) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(node.runner.node() + " holds " + node.runner.statuses().get(0).held()
                        + ", not " + segments + " segments, after " + CATCH_UP);
            }
            Thread.sleep(20);
        }
    }

    /** Saves on the node's Bank; every fourth save is rolled back after the events are inserted. */
    private static void write(Node node) {
        Bank bank = node.runner.get(Bank.class);
        UUID account = bank.open(100);
        for (int i = 1; i < SAVES_PER_WRITER; i++) {
            if (i % 4 == 0) {
                UUID accountOfRolledBack = account;
                try {
                    node.transactions.inNewTransaction(em -> {
                        bank.credit(accountOfRolledBack, 1);
                        throw new RolledBack();
                    });
                } catch (RolledBack expected) {
                    // nothing of it is kept: not the event, not the prompt after commit
                }
            } else if (i % 3 == 0) {
                account = bank.open(100);
            } else {
                bank.credit(account, 1);
            }
        }
    }

    private static final class RolledBack extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private Node start(String name, Settings store, BalancesView view) {
        return start(name, store, view, Map.of());
    }

    private Node start(String name, Settings store, BalancesView view, Map<String, String> settings) {
        return start(name, store, BANK, view, settings);
    }

    private Node start(String name, Settings store, ApplicationSystem system, BalancesView view,
                       Map<String, String> settings) {
        Node node = new Node(name, store, database().strategy(), system, view, settings);
        nodes.add(node);
        node.runner.start();
        return node;
    }

    /** One node of the cluster: its own connection pool, transactions, executor and runner. */
    private static final class Node implements AutoCloseable {

        final EntityManagerFactory factory;
        final ThreadBoundTransactions transactions;
        final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
        final MultiThreadedRunner runner;
        private final Map<String, AtomicLong> processed = new ConcurrentHashMap<>();

        Node(String name, Settings store, DatabaseStrategy database, ApplicationSystem system, BalancesView view,
             Map<String, String> extra) {
            factory = Persistence.createEntityManagerFactory(store.get(JpaInfrastructureFactory.PERSISTENCE_UNIT).orElseThrow(),
                    Map.of("jakarta.persistence.jdbc.url", store.get(JpaInfrastructureFactory.URL).orElseThrow(),
                            "jakarta.persistence.jdbc.user", store.get(JpaInfrastructureFactory.USER).orElseThrow(),
                            "jakarta.persistence.jdbc.password", ""));
            transactions = new ThreadBoundTransactions(factory);
            JpaSchema.createTables(transactions, database);
            transactions.inNewTransaction(em -> ((EntityManager) em).createNativeQuery(BalancesView.CREATE_TABLE).executeUpdate());
            MultiThreadedRunner.Builder builder = MultiThreadedRunner.builder()
                    .system(system)
                    .settings(Settings.of(settings(extra)))
                    .node(name)
                    .infrastructure((reader, settings) -> new JpaInfrastructureFactory(reader, settings, transactions, database))
                    .metrics(new MetricsListener() {
                        @Override
                        public void processed(String reader, String upstream) {
                            processed.computeIfAbsent(reader, r -> new AtomicLong()).incrementAndGet();
                        }
                    })
                    .executor(executor);
            if (view != null) {
                builder.projection(view.on(name), "Bank");
            }
            runner = builder.build();
        }

        private static Map<String, String> settings(Map<String, String> extra) {
            Map<String, String> settings = new java.util.HashMap<>(Map.of(RunnerSettings.POLL_INTERVAL, "50",
                    RunnerSettings.BATCH_SIZE, "10", RunnerSettings.RETRY_DELAY, "20", RunnerSettings.ATTEMPTS, "2"));
            settings.putAll(extra);
            return settings;
        }

        /** How many notifications this runner's reader of that name processed. */
        long processedBy(String reader) {
            AtomicLong count = processed.get(reader);
            return count == null ? 0 : count.get();
        }

        List<Long> committedIds() {
            return query("SELECT notification_id FROM es_events WHERE application_name = 'Bank' ORDER BY notification_id")
                    .stream().map(row -> ((Number) row).longValue()).toList();
        }

        long idOf(UUID originator, long version) {
            return ((Number) query("SELECT notification_id FROM es_events WHERE application_name = 'Bank'"
                    + " AND originator_id = '" + originator + "' AND originator_version = " + version).get(0)).longValue();
        }

        Map<Long, Long> viewRowsPerNotification() {
            Map<Long, Long> rows = new TreeMap<>();
            for (Object row : query("SELECT notification_id, COUNT(*) FROM balances_view GROUP BY notification_id")) {
                Object[] columns = (Object[]) row;
                rows.put(((Number) columns[0]).longValue(), ((Number) columns[1]).longValue());
            }
            return rows;
        }

        long viewRowsOf(UUID originator) {
            return ((Number) query("SELECT COUNT(*) FROM balances_view WHERE originator_id = '" + originator + "'")
                    .get(0)).longValue();
        }

        long viewRowsBy(String node) {
            return ((Number) query("SELECT COUNT(*) FROM balances_view WHERE node = '" + node + "'").get(0)).longValue();
        }

        @SuppressWarnings("unchecked")
        private List<Object> query(String sql) {
            return transactions.inNewTransaction(em -> ((EntityManager) em).createNativeQuery(sql).getResultList());
        }

        @Override
        public void close() {
            try {
                runner.stop();
            } finally {
                executor.shutdownNow();
                factory.close();
            }
        }
    }
}
