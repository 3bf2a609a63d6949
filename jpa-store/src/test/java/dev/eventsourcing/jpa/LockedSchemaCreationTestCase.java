package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The races of {@link ConcurrentSchemaCreationTestCase}, on a database where
 * {@link JpaSchema#createTables} takes a lock of its own (PostgreSQL, MariaDB), and that lock
 * at work: a node runs no statement of the script while another holds the schema lock, and
 * creates the tables as soon as it is released.
 */
abstract class LockedSchemaCreationTestCase extends ConcurrentSchemaCreationTestCase {

    @Test
    void aNodeWaitsWhileAnotherHoldsTheSchemaLockThenCreatesTheTables() throws Exception {
        database().dropStore();
        DatabaseStrategy strategy = database().strategy();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = threads().submit(() -> nodes().get(0).inTransaction(em -> {
            strategy.schema().lock(em);
            locked.countDown();
            awaitUninterruptibly(release);
            strategy.schema().unlock(em);
            return null;
        }));
        assertTrue(locked.await(10, TimeUnit.SECONDS), "the first node holds the lock");

        Future<?> creator = threads().submit(() -> JpaSchema.createTables(nodes().get(1), strategy));
        assertThrows(TimeoutException.class, () -> creator.get(1, TimeUnit.SECONDS), "the second node waits");
        assertFalse(tableExists("es_events"), "and has created nothing yet");

        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        creator.get(10, TimeUnit.SECONDS);
        assertTrue(tableExists("es_events"), "the second node created the tables once the lock was free");
        assertTheStoreWorks();
    }

    private boolean tableExists(String name) throws SQLException {
        try (Connection connection = database().connection();
             ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, name, null)) {
            return tables.next();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the lock");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while holding the lock", e);
        }
    }
}
