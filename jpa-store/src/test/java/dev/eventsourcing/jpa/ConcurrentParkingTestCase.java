package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.persistence.ParkedNotification;
import dev.eventsourcing.persistence.ParkedNotification.Status;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Parking on databases with an insert that ignores a concurrent duplicate (PostgreSQL, MariaDB):
 * two nodes may park the same notification at the same instant. H2 has no such insert, so there
 * the second of two simultaneous first parks fails (see ParkedRows); it runs the rest of the
 * contract only.
 */
abstract class ConcurrentParkingTestCase extends JpaParkingRecorderTestCase {

    @Test
    void twoNodesParkingTheSameNotificationAtOnceBothSucceedWithNothingLogged() throws Exception {
        createRecorder();
        ParkedNotification first = parked("balances", "bank", 7, ALICE);
        ParkedNotification second = new ParkedNotification("balances", "bank", 7, ALICE, 7, "bank.Deposited",
                "failed on the other node", "", 2, LATER, 0, Status.PARKED, null);
        EntityManagerFactory otherNode = database().openFactory();
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler problems = problemsInto(logged);
        Logger.getLogger("").addHandler(problems);
        try {
            JpaParkingRecorder other = new JpaParkingRecorder(JpaTransactions.resourceLocal(otherNode), database().strategy());
            CountDownLatch parkedInOpenTransaction = new CountDownLatch(1);
            CompletableFuture<Void> otherPark = new CompletableFuture<>();
            database().transactions().inTransaction(em -> {
                new JpaParkingRecorder(JpaTransactions.joining(em), database().strategy()).park(first);
                parkedInOpenTransaction.countDown();
                CompletableFuture.runAsync(() -> other.park(second)).whenComplete((done, failure) -> {
                    if (failure != null) {
                        otherPark.completeExceptionally(failure);
                    } else {
                        otherPark.complete(null);
                    }
                });
                sleep(500); // the other node now waits for this transaction in its insert
                assertTrue(!otherPark.isDone(), "the other node waits for the first park to commit");
                return null;
            });
            otherPark.get(20, TimeUnit.SECONDS);
        } finally {
            TestDatabase.close(otherNode);
            Logger.getLogger("").removeHandler(problems);
        }

        assertEquals(second, createRecorderKeepingRows().get("balances", "bank", 7).orElseThrow());
        assertEquals(List.of(), logged);
    }
}
