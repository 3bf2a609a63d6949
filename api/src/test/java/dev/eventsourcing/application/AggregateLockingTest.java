package dev.eventsourcing.application;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.application.bank.BankAccount;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Commands on one aggregate in one application queue for it: a transaction that gets an
 * aggregate holds it until it ends, and {@link Application#update} holds it for the command.
 */
class AggregateLockingTest {

    private static final BigDecimal ONE = new BigDecimal("1.00");

    private final CallerTransactions transactions = new CallerTransactions();

    @Test
    void concurrentUpdatesOfOneAggregateAreAllSavedWithoutAConflict() throws Exception {
        Application bank = new Application();
        UUID id = opened(bank);

        List<Throwable> failures = concurrently(8, 10, () -> bank.update(BankAccount.class, id, a -> a.deposit(ONE)));

        assertEquals(List.of(), failures);
        BankAccount account = bank.repository(BankAccount.class).get(id);
        assertEquals(81, account.version());
        assertEquals(new BigDecimal("80.00"), account.balance());
    }

    @Test
    void concurrentTransactionsThatGetChangeAndSaveOneAggregateAreAllSavedWithoutAConflict() throws Exception {
        Application bank = transactions.application(Settings.empty());
        UUID id = opened(bank);
        Repository<BankAccount> accounts = bank.repository(BankAccount.class);

        List<Throwable> failures = concurrently(8, 10, () -> {
            transactions.begin();
            try {
                BankAccount account = accounts.get(id);
                account.deposit(ONE);
                bank.save(account);
            } catch (RuntimeException e) {
                transactions.rollback();
                throw e;
            }
            transactions.commit();
        });

        assertEquals(List.of(), failures);
        assertEquals(81, accounts.get(id).version());
    }

    @Test
    void aTransactionHoldsTheAggregateItGotUntilItCommits() throws Exception {
        Application bank = transactions.application(Settings.empty());
        UUID id = opened(bank);
        transactions.begin();
        bank.repository(BankAccount.class).get(id);

        CompletableFuture<Long> second = getInAnotherTransaction(bank, id);
        assertFalse(second.isDone(), "a second transaction got the aggregate while the first held it");
        transactions.commit();

        assertEquals(1, second.get());
    }

    @Test
    void aTransactionThatRollsBackReleasesTheAggregate() throws Exception {
        Application bank = transactions.application(Settings.empty());
        UUID id = opened(bank);
        transactions.begin();
        BankAccount account = bank.repository(BankAccount.class).get(id);
        account.deposit(ONE);
        bank.save(account);

        CompletableFuture<Long> second = getInAnotherTransaction(bank, id);
        assertFalse(second.isDone(), "a second transaction got the aggregate while the first held it");
        transactions.rollback();

        assertEquals(2, second.get(), "the in-memory store keeps what it saved; the point is the release");
    }

    @Test
    void aTransactionGetsAnAggregateItHoldsAgainWithoutWaiting() {
        Application bank = transactions.application(Settings.of(Map.of(Settings.AGGREGATE_LOCK_MAX_WAIT, "600000")));
        UUID id = opened(bank);
        transactions.begin();
        BankAccount first = bank.repository(BankAccount.class).get(id);
        first.deposit(ONE);
        bank.save(first);

        BankAccount again = bank.repository(BankAccount.class).get(id);
        transactions.commit();

        assertEquals(2, again.version());
    }

    @Test
    void withTheLockOffAnotherTransactionGetsTheAggregateAtOnce() {
        Application bank = transactions.application(Settings.of(Map.of(Settings.AGGREGATE_LOCK_ENABLED, "false")));
        UUID id = opened(bank);
        transactions.begin();
        bank.repository(BankAccount.class).get(id);

        long version = getInAnotherTransaction(bank, id).join();
        transactions.commit();

        assertEquals(1, version);
    }

    @Test
    void aNegativeWaitIsRefusedWithTheKeyNamed() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new Application(
                Settings.of(Map.of(Settings.AGGREGATE_LOCK_MAX_WAIT, "-1"))));
        assertTrue(e.getMessage().contains(Settings.AGGREGATE_LOCK_MAX_WAIT), e.getMessage());
    }

    private CompletableFuture<Long> getInAnotherTransaction(Application bank, UUID id) {
        return CompletableFuture.supplyAsync(() -> {
            transactions.begin();
            try {
                return bank.repository(BankAccount.class).get(id).version();
            } finally {
                transactions.commit();
            }
        });
    }

    private static UUID opened(Application bank) {
        BankAccount account = BankAccount.open("Alice", "alice@example.com");
        bank.save(account);
        return account.id();
    }

    /** Runs the command {@code times} times in each of {@code threads} threads at once; returns what they threw. */
    private static List<Throwable> concurrently(int threads, int times, Runnable command) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Throwable>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<Throwable> thrown = new ArrayList<>();
                    for (int i = 0; i < times; i++) {
                        try {
                            command.run();
                        } catch (RuntimeException e) {
                            thrown.add(e);
                        }
                    }
                    return thrown;
                }));
            }
            start.countDown();
            List<Throwable> all = new ArrayList<>();
            for (Future<List<Throwable>> result : results) {
                all.addAll(result.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
