package dev.eventsourcing.application;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-aggregate locks: owned by a unit of work, re-entrant, bounded in wait and in memory. */
class AggregateLocksTest {

    private final UUID id = UUID.randomUUID();

    @Test
    void anOwnerThatHoldsTheLockTakesItAgainWithoutWaitingAndReleasesItOnce() {
        AggregateLocks locks = new AggregateLocks(Duration.ofMinutes(10));
        Object unit = new Object();

        assertTrue(locks.lock(id, unit), "first lock");
        assertFalse(locks.lock(id, unit), "the second lock of the same owner is the first");
        locks.unlock(id);

        assertEquals(0, locks.size());
        assertTrue(locks.lock(id, new Object()), "free for another owner");
    }

    @Test
    void anotherOwnerWaitsUntilTheHolderUnlocksEvenFromAnotherThread() throws Exception {
        AggregateLocks locks = new AggregateLocks(Duration.ofMinutes(10));
        assertTrue(locks.lock(id, "first"));
        CountDownLatch asking = new CountDownLatch(1);
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
            asking.countDown();
            return locks.lock(id, "second");
        });
        asking.await();

        assertFalse(second.isDone(), "the second owner got the lock while the first held it");
        CompletableFuture.runAsync(() -> locks.unlock(id)).join();

        assertTrue(second.get(), "the second owner took the lock once it was released");
        locks.unlock(id);
        assertEquals(0, locks.size());
    }

    @Test
    void aWaitThatRunsOutGoesOnWithoutTheLockAndLeavesNothingBehind() {
        AggregateLocks locks = new AggregateLocks(Duration.ZERO);
        assertTrue(locks.lock(id, "holder"));

        assertFalse(locks.lock(id, "late"), "the late owner goes on without the lock");
        locks.unlock(id);

        assertEquals(0, locks.size(), "locks left behind");
    }

    @Test
    void aLockHeldForACallIsReleasedWhenTheCallThrows() {
        AggregateLocks locks = new AggregateLocks(Duration.ZERO);
        RuntimeException failure = new IllegalStateException("refused");

        RuntimeException thrown = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> locks.whileLocked(id, () -> {
                    throw failure;
                }));

        assertEquals(failure, thrown);
        assertEquals(0, locks.size());
        assertTrue(locks.lock(id, "next"), "the lock was released");
    }

    @Test
    void locksOfIdleAggregatesAreDropped() {
        AggregateLocks locks = new AggregateLocks(Duration.ofMinutes(10));
        for (int i = 0; i < 1000; i++) {
            UUID aggregate = UUID.randomUUID();
            locks.whileLocked(aggregate, () -> locks.size());
        }
        assertEquals(0, locks.size());
    }
}
