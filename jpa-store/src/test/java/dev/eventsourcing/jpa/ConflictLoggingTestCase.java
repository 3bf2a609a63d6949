package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.application.bank.BankAccounts;
import dev.eventsourcing.persistence.ConcurrencyConflictException;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Tracking;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Optimistic-concurrency conflicts are expected, so they must not look like failures in the
 * server's log: a taken version or a position recorded twice is reported to the caller as an
 * {@link IntegrityException}, and nothing is logged at WARN or ERROR, by this module or by the
 * JPA provider. Racing writers keep their transactions open for a moment before they commit, so
 * that they do overlap. Subclasses name the database and provider.
 */
abstract class ConflictLoggingTestCase {

    private static final long HOLD_MILLIS = 100;
    private static final int RACERS = 4;

    @RegisterExtension
    final LoggedProblems logged = new LoggedProblems();

    abstract TestDatabase database();

    private static StoredEvent event(UUID id, long version, String topic) {
        return new StoredEvent(id, version, topic, ("state" + version).getBytes(StandardCharsets.UTF_8));
    }

    private static List<StoredEvent> versions(UUID id, long from, long to, String topic) {
        return LongStream.rangeClosed(from, to).mapToObj(version -> event(id, version, topic)).toList();
    }

    @Test
    void aTakenVersionIsAConflictNamingItAndNothingIsLogged() {
        JpaProcessRecorder recorder = database().processRecorder();
        UUID account = UUID.randomUUID();
        recorder.insertEvents(versions(account, 1, 2, "first"));

        var single = assertThrows(ConcurrencyConflictException.class,
                () -> recorder.insertEvents(List.of(event(account, 2, "second"))));
        var batch = assertThrows(ConcurrencyConflictException.class, () -> recorder.insertEvents(
                List.of(event(UUID.randomUUID(), 1, "second"), event(account, 2, "second"), event(account, 3, "second"))));

        assertEquals(account, single.originatorId());
        assertEquals(2, single.originatorVersion());
        assertEquals(account, batch.originatorId());
        assertEquals(2, batch.originatorVersion());
        assertEquals(2, recorder.selectNotifications(0, 10).size(), "nothing of a refused batch is stored");
        logged.assertNone();
    }

    @Test
    void writersRacingForOneVersionLeaveOneWinnerAndNothingIsLogged() {
        PlannedTransactions held = new PlannedTransactions(database().transactions());
        var recorder = new JpaProcessRecorder(TestDatabase.uniqueName("racing"), held, database().strategy());
        UUID account = UUID.randomUUID();

        List<Object> outcomes = race(RACERS, writer -> held.under(PlannedTransactions.Plan.hold(HOLD_MILLIS),
                () -> recorder.insertEvents(versions(account, 1, 5, "writer-" + writer))));

        List<Object> conflicts = outcomes.stream().filter(o -> o instanceof RuntimeException).toList();
        assertEquals(RACERS - 1, conflicts.size(), "writers refused: " + outcomes);
        for (Object conflict : conflicts) {
            var refused = assertInstanceOf(ConcurrencyConflictException.class, conflict);
            assertEquals(account, refused.originatorId());
            assertTrue(refused.originatorVersion() >= 1 && refused.originatorVersion() <= 5, refused.getMessage());
        }
        assertEquals(5, recorder.selectEvents(account).size());
        assertEquals(5, recorder.selectNotifications(0, 100).size(), "only the winner's events are stored");
        logged.assertNone();
    }

    @Test
    void snapshotWritersRacingForOneVersionLeaveOneWinnerAndNothingIsLogged() {
        PlannedTransactions held = new PlannedTransactions(database().transactions());
        var snapshots = new JpaAggregateRecorder(TestDatabase.uniqueName("snapshots"), held, database().strategy());
        UUID account = UUID.randomUUID();

        List<Object> outcomes = race(RACERS, writer -> held.under(PlannedTransactions.Plan.hold(HOLD_MILLIS),
                () -> snapshots.insertEvents(versions(account, 1, 3, "writer-" + writer))));

        List<Object> conflicts = outcomes.stream().filter(o -> o instanceof RuntimeException).toList();
        assertEquals(RACERS - 1, conflicts.size(), "writers refused: " + outcomes);
        conflicts.forEach(conflict -> assertEquals(account, assertInstanceOf(ConcurrencyConflictException.class, conflict).originatorId()));
        List<StoredEvent> stored = snapshots.selectEvents(account);
        assertEquals(3, stored.size());
        assertEquals(1, stored.stream().map(StoredEvent::topic).distinct().count(), "only the winner's events are stored");
        logged.assertNone();
    }

    @Test
    void processorsRacingForOnePositionLeaveOneWinnerAndNothingIsLogged() {
        PlannedTransactions held = new PlannedTransactions(database().transactions());
        var recorder = new JpaProcessRecorder(TestDatabase.uniqueName("processor"), held, database().strategy());

        List<Object> outcomes = race(RACERS, processor -> held.under(PlannedTransactions.Plan.hold(HOLD_MILLIS),
                () -> recorder.insertEvents(versions(UUID.randomUUID(), 1, 2, "processed"), new Tracking("upstream", 7))));

        assertRefusedButOne(outcomes);
        assertEquals(2, recorder.selectNotifications(0, 100).size(), "only the winner's events are stored");
        assertEquals(7, recorder.maxTrackingId("upstream"));
        logged.assertNone();
    }

    @Test
    void projectionsRacingForOnePositionLeaveOneWinnerAndNothingIsLogged() {
        PlannedTransactions held = new PlannedTransactions(database().transactions());
        String projection = TestDatabase.uniqueName("projection");
        var recorder = database().trackingRecorder(projection, held);

        List<Object> outcomes = race(RACERS, reader -> held.under(PlannedTransactions.Plan.hold(HOLD_MILLIS),
                () -> {
                    recorder.insertTracking(new Tracking("upstream", 7));
                    return "recorded";
                }));

        assertRefusedButOne(outcomes);
        assertEquals(7, recorder.maxTrackingId("upstream"));
        logged.assertNone();
    }

    @Test
    void concurrentDepositsOnOneAccountAreRetriedAndNothingIsLogged() {
        int threads = 4;
        int depositsEach = 25;
        BankAccounts bank = new BankAccounts(database().freshStoreSettings());
        try {
            UUID account = bank.openAccount("Alice", "alice@example.com");
            logged.clear();  // Hibernate warns about its built-in connection pool when the unit starts

            race(threads, thread -> {
                for (int i = 0; i < depositsEach; i++) {
                    depositRetrying(bank, account);
                }
                return null;
            });

            assertEquals(0, new BigDecimal(threads * depositsEach).compareTo(bank.balance(account)), "balance " + bank.balance(account));
        } finally {
            bank.close();
        }
        logged.assertNone();
    }

    private static void depositRetrying(BankAccounts bank, UUID account) {
        for (int attempt = 1; ; attempt++) {
            try {
                bank.deposit(account, BigDecimal.ONE);
                return;
            } catch (ConcurrencyConflictException conflict) {
                if (attempt == 1000) {
                    throw conflict;
                }
            }
        }
    }

    private static void assertRefusedButOne(List<Object> outcomes) {
        List<Object> refused = outcomes.stream().filter(o -> o instanceof RuntimeException).toList();
        assertEquals(RACERS - 1, refused.size(), "racers refused: " + outcomes);
        refused.forEach(failure -> assertInstanceOf(IntegrityException.class, failure));
    }

    /**
     * Runs the task in {@code threads} threads released together and returns, per thread, its
     * result or the exception it threw.
     */
    private static List<Object> race(int threads, IntFunction<Object> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return task.apply(index);
                    } catch (RuntimeException failure) {
                        return failure;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } catch (Exception e) {
            throw new AssertionError("The racers did not finish", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
