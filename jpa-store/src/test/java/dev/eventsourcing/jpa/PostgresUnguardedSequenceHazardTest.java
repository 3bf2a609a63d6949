package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.jpa.PlannedTransactions.Plan;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hazard the PostgreSQL watermark exists for, shown with a plain sequence: a reader sees a
 * higher id while a lower one is still uncommitted, and polling from it skips the lower one.
 * This proves that {@link NotificationOrderingTestCase} would catch a strategy that skips.
 */
class PostgresUnguardedSequenceHazardTest {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql().with(ComparisonStrategies.unguardedSequence());

    @Test
    void aPlainSequenceLetsAReaderSkipANotificationCommittedLate() throws Exception {
        PlannedTransactions transactions = new PlannedTransactions(DATABASE.transactions());
        ApplicationRecorder recorder = new JpaApplicationRecorder(TestDatabase.uniqueName("hazard"), transactions,
                DATABASE.strategy());
        CountDownLatch reserved = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var early = CompletableFuture.supplyAsync(() -> transactions.under(Plan.holdUntil(reserved, release),
                () -> recorder.insertEvents(List.of(NotificationOrderingTestCase.event("early")))));
        assertTrue(reserved.await(10, TimeUnit.SECONDS));

        long lateId = recorder.insertEvents(List.of(NotificationOrderingTestCase.event("late"))).get(0);
        List<Notification> firstRead = recorder.selectNotifications(NotificationSelection.after(0, 10));
        release.countDown();
        long earlyId = early.get(10, TimeUnit.SECONDS).get(0);
        List<Notification> secondRead = recorder.selectNotifications(NotificationSelection.after(lateId, 10));

        assertTrue(earlyId < lateId);
        assertEquals(List.of(lateId), firstRead.stream().map(Notification::id).toList(), "the later id was visible first");
        assertEquals(List.of(), secondRead, "polling on from it never returns the early notification");
    }
}
