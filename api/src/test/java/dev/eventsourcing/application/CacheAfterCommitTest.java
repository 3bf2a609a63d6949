package dev.eventsourcing.application;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.persistence.Transactions;
import dev.eventsourcing.persistence.inmemory.InMemoryInfrastructureFactory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The repository's cache takes only what a transaction committed: a save inside a transaction
 * that rolls back leaves the cache as it was. (Without fast-forwarding the cache answers gets on
 * its own, so a version cached before its commit would be served after a rollback.)
 */
class CacheAfterCommitTest {

    private final CallerTransaction caller = new CallerTransaction();
    private final Application bank = new Application("Bank", Environment.of(
            Settings.of(Map.of(Settings.CACHE_MAXSIZE, "10", Settings.CACHE_FASTFORWARD, "false")),
            (name, settings) -> new InTransactions(new InMemoryInfrastructureFactory(name, settings), caller)));
    private final Repository<BankAccount> accounts = bank.repository(BankAccount.class);

    @Test
    void aSaveInATransactionThatRollsBackLeavesTheCacheAsItWas() {
        UUID id = opened();

        caller.begin();
        BankAccount account = accounts.get(id);
        account.deposit(new BigDecimal("5.00"));
        bank.save(account);
        caller.rollback();

        assertEquals(1, accounts.get(id).version());
    }

    @Test
    void aSaveInATransactionThatCommitsIsCachedOnceItCommits() {
        UUID id = opened();

        caller.begin();
        BankAccount account = accounts.get(id);
        account.deposit(new BigDecimal("5.00"));
        bank.save(account);
        assertEquals(1, accounts.get(id).version(), "not before the commit");
        caller.commit();

        assertEquals(2, accounts.get(id).version());
    }

    private UUID opened() {
        BankAccount account = BankAccount.open("Alice", "alice@example.com");
        bank.save(account);
        return account.id();
    }

    /** A caller's transaction, as a container would keep it: work after commit waits for the outcome. */
    private static final class CallerTransaction implements Transactions {
        private List<Runnable> afterCommit;

        void begin() {
            afterCommit = new ArrayList<>();
        }

        void commit() {
            List<Runnable> actions = afterCommit;
            afterCommit = null;
            actions.forEach(Runnable::run);
        }

        void rollback() {
            afterCommit = null;
        }

        @Override
        public <T> T inNewTransaction(Function<Object, T> work) {
            return work.apply(null);
        }

        @Override
        public boolean active() {
            return afterCommit != null;
        }

        @Override
        public void afterCommit(Runnable action) {
            if (active()) {
                afterCommit.add(action);
            } else {
                action.run();
            }
        }
    }
}
