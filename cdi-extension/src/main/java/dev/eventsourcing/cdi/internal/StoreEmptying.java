package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.jpa.ContainerTransactions;
import dev.eventsourcing.jpa.JpaSchema;
import dev.eventsourcing.jpa.JpaTransactions;
import dev.eventsourcing.persistence.Transactions;

import java.util.function.Function;

/**
 * Deletes the rows of the JPA event store and runs the caller's clearing of its views, in one
 * transaction: the caller's when one is active, else a new one. Loaded only when the deployment
 * uses the JPA store.
 */
final class StoreEmptying {

    private StoreEmptying() {
    }

    /**
     * Empties the store that an application's transactions belong to (every application of a
     * deployment shares the persistence unit).
     *
     * @throws IllegalStateException when the transactions are not the JPA store's
     */
    static void empty(Transactions transactions, Runnable clearViews) {
        JpaTransactions units = unitsOf(transactions);
        Function<Object, Void> work = unitOfWork -> {
            JpaSchema.deleteAllRows(units);
            clearViews.run();
            return null;
        };
        if (transactions.active()) {
            work.apply(null);
        } else {
            transactions.inNewTransaction(work);
        }
    }

    // In a container, the recorders' units join the JTA transaction; in Java SE, the
    // thread-bound transactions are the units themselves and join inNewTransaction's.
    private static JpaTransactions unitsOf(Transactions transactions) {
        if (transactions instanceof ContainerTransactions container) {
            return container.required();
        }
        if (transactions instanceof JpaTransactions units) {
            return units;
        }
        throw new IllegalStateException("Cannot empty the event store: its transactions are "
                + transactions.getClass().getName() + ", not the JPA store's");
    }
}
