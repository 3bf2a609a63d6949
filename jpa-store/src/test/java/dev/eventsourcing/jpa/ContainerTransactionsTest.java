package dev.eventsourcing.jpa;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JTA rules, against a recording stand-in for the container's transaction manager. */
class ContainerTransactionsTest {

    private final Container container = new Container();
    private final EntityManager entityManager = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                throw new UnsupportedOperationException(method.getName());
            });
    private final ContainerTransactions unit = new ContainerTransactions(entityManager, container.registry(), container.userTransaction());

    @Test
    void aSaveInsideTheCallersTransactionJoinsItAndStartsNone() {
        container.status = Status.STATUS_ACTIVE;

        EntityManager used = unit.required().inTransaction(em -> em);

        assertSame(entityManager, used);
        assertEquals(List.of(), container.calls);
    }

    @Test
    void aSaveWithoutATransactionRunsInOneOfItsOwn() {
        unit.required().inTransaction(em -> {
            assertTrue(unit.active());
            return null;
        });

        assertEquals(List.of("begin", "commit"), container.calls);
    }

    @Test
    void aFailingUnitOfWorkRollsItsOwnTransactionBack() {
        assertThrows(IllegalStateException.class, () -> unit.inNewTransaction(em -> {
            throw new IllegalStateException("boom");
        }));

        assertEquals(List.of("begin", "rollback"), container.calls);
    }

    @Test
    void workAfterCommitRunsAtOnceWithoutATransaction() {
        List<String> done = new ArrayList<>();
        unit.afterCommit(() -> done.add("now"));
        assertEquals(List.of("now"), done);
    }

    @Test
    void dispatchWaitsForTheCommitAndARollbackDispatchesNothing() {
        container.status = Status.STATUS_ACTIVE;
        List<String> dispatched = new ArrayList<>();
        unit.afterCommit(() -> dispatched.add("first"));
        assertTrue(dispatched.isEmpty(), "nothing before the outcome is known");

        container.complete(Status.STATUS_ROLLEDBACK);
        assertTrue(dispatched.isEmpty());

        container.status = Status.STATUS_ACTIVE;
        unit.afterCommit(() -> dispatched.add("second"));
        container.complete(Status.STATUS_COMMITTED);
        assertEquals(List.of("second"), dispatched);
        assertFalse(unit.active());
    }

    @Test
    void theKeyIsTheContainersAndWorkAfterTheEndRunsAfterACommitOrARollback() {
        List<String> ended = new ArrayList<>();
        assertEquals(null, unit.transactionKey(), "no key without a transaction");
        unit.afterCompletion(() -> ended.add("at once"));

        container.status = Status.STATUS_ACTIVE;
        Object first = unit.transactionKey();
        assertSame(first, unit.transactionKey());
        unit.afterCompletion(() -> ended.add("committed"));
        assertEquals(List.of("at once"), ended, "nothing before the outcome is known");
        container.complete(Status.STATUS_COMMITTED);

        container.status = Status.STATUS_ACTIVE;
        assertFalse(first.equals(unit.transactionKey()), "each transaction has its own key");
        unit.afterCompletion(() -> ended.add("rolled back"));
        container.complete(Status.STATUS_ROLLEDBACK);

        assertEquals(List.of("at once", "committed", "rolled back"), ended);
    }

    /** One thread's transaction, as the container would keep it. */
    private static final class Container {
        int status = Status.STATUS_NO_TRANSACTION;
        Object key = new Object();
        final List<String> calls = new ArrayList<>();
        final List<Synchronization> synchronizations = new ArrayList<>();

        void complete(int outcome) {
            status = Status.STATUS_NO_TRANSACTION;
            key = new Object();
            synchronizations.forEach(s -> s.afterCompletion(outcome));
            synchronizations.clear();
        }

        TransactionSynchronizationRegistry registry() {
            return (TransactionSynchronizationRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {TransactionSynchronizationRegistry.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getTransactionStatus" -> status;
                        case "getTransactionKey" -> status == Status.STATUS_NO_TRANSACTION ? null : key;
                        case "registerInterposedSynchronization" -> synchronizations.add((Synchronization) args[0]);
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        UserTransaction userTransaction() {
            return (UserTransaction) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {UserTransaction.class}, (proxy, method, args) -> {
                        calls.add(method.getName());
                        switch (method.getName()) {
                            case "begin" -> status = Status.STATUS_ACTIVE;
                            case "commit" -> complete(Status.STATUS_COMMITTED);
                            case "rollback" -> complete(Status.STATUS_ROLLEDBACK);
                            default -> throw new UnsupportedOperationException(method.getName());
                        }
                        return null;
                    });
        }
    }
}
