package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.Settings;
import dev.eventsourcing.dcb.DcbEvent;
import dev.eventsourcing.persistence.CommitWatch;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.Subscription;
import dev.eventsourcing.system.ApplicationSystem;
import dev.eventsourcing.system.MultiThreadedRunner;
import dev.eventsourcing.system.RunnerSettings;
import dev.eventsourcing.system.fixtures.Bank;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Push on PostgreSQL: a commit of one node wakes the subscriptions and runners of another, which
 * shares the database but not a connection pool, so that they need not poll to see it. Waits
 * here are far shorter than every poll interval in play, so only push can deliver in time.
 */
class PostgresPushTest {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql();

    private static final Duration WITHIN = Duration.ofSeconds(5);
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeWhatWasOpened() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void aCommitOfOneNodeWakesTheWatchersOfAnother() throws Exception {
        String log = TestDatabase.uniqueName("pushed");
        JpaApplicationRecorder writer = new JpaApplicationRecorder(log, DATABASE.transactions(), DATABASE.strategy());
        JpaApplicationRecorder reader = new JpaApplicationRecorder(log, secondNode(), DATABASE.strategy());
        CountDownLatch woken = new CountDownLatch(2); // once as it starts listening, once for the commit
        opened.add(reader.watchCommits(woken::countDown));
        awaitListening();

        writer.insertEvents(List.of(NotificationOrderingTestCase.event("pushed")));

        assertTrue(woken.await(WITHIN.toMillis(), TimeUnit.MILLISECONDS), "the watcher was woken by the commit");
    }

    @Test
    void aDcbAppendOfOneNodeWakesTheDcbWatchersOfAnother() throws Exception {
        String application = TestDatabase.uniqueName("decided");
        JpaDcbRecorder writer = new JpaDcbRecorder(application, DATABASE.transactions(), DATABASE.strategy());
        JpaDcbRecorder reader = new JpaDcbRecorder(application, secondNode(), DATABASE.strategy());
        CountDownLatch woken = new CountDownLatch(2); // once as it starts listening, once for the append
        opened.add(reader.watchCommits(woken::countDown));
        awaitListening();

        writer.append(List.of(DcbEvent.of("decided", new byte[] {1}, Set.of("course:1"))));

        assertTrue(woken.await(WITHIN.toMillis(), TimeUnit.MILLISECONDS), "the watcher was woken by the append");
    }

    @Test
    void aSubscriptionOfOneNodeReceivesWhatAnotherCommits() throws Exception {
        String log = TestDatabase.uniqueName("subscribed");
        JpaApplicationRecorder writer = new JpaApplicationRecorder(log, DATABASE.transactions(), DATABASE.strategy());
        JpaApplicationRecorder reader = new JpaApplicationRecorder(log, secondNode(), DATABASE.strategy());
        Subscription subscription = reader.subscribe(0);
        opened.add(subscription);

        long id = writer.insertEvents(List.of(NotificationOrderingTestCase.event("subscribed"))).get(0);

        assertTrue(subscription.hasNext());
        Notification received = subscription.next();
        assertEquals(id, received.id());
    }

    @Test
    void aSubscriptionThatPollsEveryTenSecondsReceivesWhatAnotherNodeCommitsLongBeforeItPolls() throws Exception {
        String log = TestDatabase.uniqueName("slowpoll");
        JpaApplicationRecorder writer = new JpaApplicationRecorder(log, DATABASE.transactions(), DATABASE.strategy());
        Settings settings = Settings.of(Map.of(JpaSettings.POLL_INTERVAL, "10000"));
        var reader = new JpaInfrastructureFactory(log, settings, secondNode(), DATABASE.strategy()).applicationRecorder();
        Subscription subscription = reader.subscribe(0);
        opened.add(subscription);
        CountDownLatch received = new CountDownLatch(1);
        Thread consumer = new Thread(() -> {
            if (subscription.hasNext()) {
                subscription.next();
                received.countDown();
            }
        });
        consumer.start();
        opened.add(() -> consumer.join(WITHIN.toMillis()));
        awaitListening();
        Thread.sleep(200); // the consumer has found the log empty and waits for its next poll, 10 s away

        writer.insertEvents(List.of(NotificationOrderingTestCase.event("slowpoll")));

        assertTrue(received.await(WITHIN.toMillis(), TimeUnit.MILLISECONDS), "the announced commit woke the subscription");
    }

    @Test
    void aSubscriptionThatPollsEveryTenSecondsReceivesWhatCommittedBehindAWriterThatRolledBackSoonAfter() throws Exception {
        String log = TestDatabase.uniqueName("behind");
        PlannedTransactions planned = new PlannedTransactions(DATABASE.transactions());
        JpaApplicationRecorder rolledBack = new JpaApplicationRecorder(log, planned, DATABASE.strategy());
        JpaApplicationRecorder writer = new JpaApplicationRecorder(log, DATABASE.transactions(), DATABASE.strategy());
        Settings settings = Settings.of(Map.of(JpaSettings.POLL_INTERVAL, "10000"));
        var reader = new JpaInfrastructureFactory(log, settings, secondNode(), DATABASE.strategy()).applicationRecorder();
        Subscription subscription = reader.subscribe(0);
        opened.add(subscription);
        CountDownLatch reserved = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread abandoning = new Thread(() -> {
            try {
                planned.under(new PlannedTransactions.Plan(reserved, release, 0, true),
                        () -> rolledBack.insertEvents(List.of(NotificationOrderingTestCase.event("rolled back"))));
            } catch (PlannedTransactions.PlannedRollback expected) {
                // its id stays a gap, and nobody announces it
            }
        });
        abandoning.start();
        opened.add(() -> abandoning.join(WITHIN.toMillis()));
        assertTrue(reserved.await(WITHIN.toMillis(), TimeUnit.MILLISECONDS), "the first writer took the lower id");

        long behind = writer.insertEvents(List.of(NotificationOrderingTestCase.event("behind"))).get(0);
        CountDownLatch received = new CountDownLatch(1);
        Thread consumer = new Thread(() -> {
            if (subscription.hasNext() && subscription.next().id() == behind) {
                received.countDown();
            }
        });
        consumer.start();
        opened.add(() -> consumer.join(WITHIN.toMillis()));
        Thread.sleep(500); // the announced commit is read, and held back behind the lower id
        release.countDown();

        assertTrue(received.await(WITHIN.toMillis(), TimeUnit.MILLISECONDS),
                "the notification behind the rolled-back id came long before the next poll");
    }

    @Test
    void aRunnerOfOneNodeProcessesWhatAnotherCommitsLongBeforeItPolls() throws Exception {
        Settings store = DATABASE.freshStoreSettings();
        MultiThreadedRunner writing = runner(store, "writing", null);
        BalancesView view = new BalancesView();
        MultiThreadedRunner reading = runner(store, "reading", view);
        reading.waitUntilCaughtUp(WITHIN);

        Bank bank = writing.get(Bank.class);
        bank.open(100);
        long last = bank.recorder().maxNotificationId();

        // The reading node polls every 10 s: only an announced commit gets it there within 5 s.
        reading.waitFor("balances", "Bank", last, WITHIN);
    }

    @Test
    void theListenerListensAgainAfterItsBackendIsTerminatedAndWakesEveryoneThen() throws Exception {
        String log = TestDatabase.uniqueName("reconnected");
        JpaApplicationRecorder writer = new JpaApplicationRecorder(log, DATABASE.transactions(), DATABASE.strategy());
        JpaApplicationRecorder reader = new JpaApplicationRecorder(log, secondNode(), DATABASE.strategy());
        AtomicInteger calls = new AtomicInteger();
        opened.add(reader.watchCommits(calls::incrementAndGet));
        int listener = awaitListening();
        int before = calls.get();

        terminate(listener);
        int again = awaitListening();
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (calls.get() == before && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(calls.get() > before, "everyone is woken once it listens again");
        assertTrue(again != listener, "a new backend listens");

        CountDownLatch woken = new CountDownLatch(1);
        opened.add(reader.watchCommits(woken::countDown));
        writer.insertEvents(List.of(NotificationOrderingTestCase.event("after")));
        assertTrue(woken.await(WITHIN.toMillis(), TimeUnit.MILLISECONDS), "commits are heard again");
    }

    @Test
    void closingTheLastWatchStopsTheListeningThreadAndClosesItsConnection() throws Exception {
        String log = TestDatabase.uniqueName("closed");
        JpaApplicationRecorder reader = new JpaApplicationRecorder(log, secondNode(), DATABASE.strategy());
        CommitWatch first = reader.watchCommits(() -> { });
        Subscription subscription = reader.subscribe(0);
        awaitListening();
        PostgresListener listener = PostgresPush.of(lastNode).orElseThrow().listener;

        first.close();
        assertTrue(listener.listening(), "a subscription still watches");
        subscription.close();

        assertFalse(listener.listening(), "the thread has ended");
        String name = "eventsourcing-listener-" + Integer.toHexString(System.identityHashCode(lastNode));
        assertFalse(threadNamed(name), "no listening thread is left");
        awaitNoListener();
    }

    @Test
    void withPushOffNothingListens() throws Exception {
        Settings settings = Settings.of(Map.of(JpaSettings.PUSH, "false"));
        var factory = new JpaInfrastructureFactory(TestDatabase.uniqueName("off"), settings, secondNode(), DATABASE.strategy());
        opened.add(factory.applicationRecorder().watchCommits(() -> { }));
        assertSame(CommitWatch.NONE, factory.applicationRecorder().watchCommits(() -> { }));
        awaitNoListener();
    }

    private EntityManagerFactory lastNode;

    /** Transactions of a second node: a persistence unit with a connection pool of its own. */
    private JpaTransactions secondNode() {
        EntityManagerFactory factory = DATABASE.openFactory();
        opened.add(factory::close);
        lastNode = factory;
        return JpaTransactions.resourceLocal(factory);
    }

    private MultiThreadedRunner runner(Settings store, String node, BalancesView view) {
        EntityManagerFactory factory = DATABASE.openFactory();
        opened.add(factory::close);
        ThreadBoundTransactions transactions = new ThreadBoundTransactions(factory);
        if (view != null) {
            transactions.inNewTransaction(em -> ((EntityManager) em).createNativeQuery(BalancesView.CREATE_TABLE).executeUpdate());
        }
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
        opened.add(executor::shutdownNow);
        MultiThreadedRunner.Builder builder = MultiThreadedRunner.builder()
                .system(ApplicationSystem.builder().add(Bank.class).build())
                .settings(Settings.of(Map.of(RunnerSettings.POLL_INTERVAL, "10000")))
                .node(node)
                .infrastructure((name, settings) -> new JpaInfrastructureFactory(name, settings, transactions, DATABASE.strategy()))
                .executor(executor);
        if (view != null) {
            builder.projection(view.on(node), "Bank");
        }
        MultiThreadedRunner runner = builder.build();
        runner.start();
        opened.add(runner::stop);
        return runner;
    }

    /** Waits until one backend listens, and returns its process id. */
    private static int awaitListening() throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            List<Integer> pids = listenerPids();
            if (pids.size() == 1) {
                return pids.get(0);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("No backend listens after " + WITHIN + ": " + listenerPids());
    }

    private static void awaitNoListener() throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!listenerPids().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Backends still listen after " + WITHIN + ": " + listenerPids());
            }
            Thread.sleep(10);
        }
    }

    // A listening backend's last query is the LISTEN, and it waits idle.
    private static List<Integer> listenerPids() throws Exception {
        List<Integer> pids = new ArrayList<>();
        try (var connection = DATABASE.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                     + " AND state = 'idle' AND query = 'LISTEN " + PostgresListener.CHANNEL + "' AND pid <> pg_backend_pid()")) {
            while (rows.next()) {
                pids.add(rows.getInt(1));
            }
        }
        return pids;
    }

    private static void terminate(int pid) throws Exception {
        try (var connection = DATABASE.connection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(" + pid + ")");
        }
    }

    private static boolean threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }
}
