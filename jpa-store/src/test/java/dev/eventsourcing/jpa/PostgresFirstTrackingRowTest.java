package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.Tracking;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Single-row tracking on PostgreSQL: two runners that both find no position yet claim the first
 * one at once. The first moves its new row on before it commits (a runner claims the position
 * after the last recorded, does its work, then records the last id it handled), so the key the
 * second writer's insert waited for is gone by the time it may go on. The second must still be
 * refused: it would otherwise handle again what the first handled.
 */
class PostgresFirstTrackingRowTest {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql();

    @Test
    void aSecondFirstClaimWaitsForTheFirstAndIsRefusedOnceItMovedOn() throws Exception {
        String reader = TestDatabase.uniqueName("reader");
        JpaTransactions transactions = DATABASE.transactions();
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.inTransaction(em -> {
            TrackingRows.advanceUnlessMoved(em, reader, new Tracking("upstream", 1));
            TrackingRows.advanceUnlessMoved(em, reader, new Tracking("upstream", 4));
            claimed.countDown();
            await(commit);
            return null;
        }));
        await(claimed);
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> transactions.inTransaction(em ->
                TrackingRows.advanceUnlessMoved(em, reader, new Tracking("upstream", 1))));
        Thread.sleep(300);
        assertFalse(second.isDone(), "the second claim waits for the first writer");
        commit.countDown();
        first.get(10, TimeUnit.SECONDS);

        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> second.get(10, TimeUnit.SECONDS));
        assertInstanceOf(IntegrityException.class, refused.getCause(), "the second claim is refused");
        long position = transactions.inTransaction(em -> TrackingRows.max(em, reader, "upstream"));
        assertEquals(4, position, "the first writer's position stands");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
