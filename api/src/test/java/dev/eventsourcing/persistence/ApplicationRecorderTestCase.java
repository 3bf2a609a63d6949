package dev.eventsourcing.persistence;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of every {@link ApplicationRecorder}: the aggregate recorder contract plus the
 * notification log (ids, every {@link NotificationSelection} option, {@code maxNotificationId}),
 * plus, inherited, subscriptions ({@link ApplicationRecorderSubscriptionTestCase}) and the
 * ordering guarantees under concurrent writers ({@link ApplicationRecorderConcurrencyTestCase}).
 *
 * @param <R> the recorder type under test
 */
public abstract class ApplicationRecorderTestCase<R extends ApplicationRecorder>
        extends ApplicationRecorderSubscriptionTestCase<R> {

    @Test
    void anEmptyRecorderHasNoNotifications() {
        R recorder = createRecorder();

        assertEquals(List.of(), recorder.selectNotifications(0, 3));
        assertEquals(List.of(), recorder.selectNotifications(NotificationSelection.from(0, 3).topics(Set.of("topic1"))));
        assertEquals(0, recorder.maxNotificationId());
    }

    @Test
    void aReplacedStateIsInTheNotificationUnderTheSameId() {
        R recorder = createRecorder();
        recorder.insertEvents(List.of(event(ID1, 1, "topic1", "a1"), event(ID2, 1, "topic1", "b1")));
        StoredEvent replaced = event(ID2, 1, "topic1", "b1, again");

        recorder.replaceStates(List.of(replaced));

        List<Notification> notifications = recorder.selectNotifications(1, 10);
        assertEquals(List.of(1L, 2L), ids(notifications));
        assertEquals(replaced, notifications.get(1).storedEvent());
        assertEquals(2, recorder.maxNotificationId());
    }

    @Test
    void insertedBatchesGetAscendingContiguousIdsInBatchOrder() {
        R recorder = createRecorder();

        assertEquals(List.of(1L, 2L), recorder.insertEvents(List.of(
                event(ID1, 1, "topic1", "state1"), event(ID1, 2, "topic2", "state2"))));
        assertEquals(List.of(3L), recorder.insertEvents(List.of(event(ID2, 1, "topic3", "state3"))));
        assertEquals(List.of(), recorder.insertEvents(List.of()));
        assertEquals(3, recorder.maxNotificationId());
    }

    @Test
    void aRejectedBatchAddsNoNotification() {
        R recorder = createRecorder();
        insertThreeEvents(recorder);

        assertThrows(IntegrityException.class, () -> recorder.insertEvents(List.of(
                event(ID3, 1, "topic4", "state4"), event(ID2, 1, "topic3", "state3"))));

        assertEquals(List.of(1L, 2L, 3L), ids(recorder.selectNotifications(0, 10)));
        assertEquals(3, recorder.maxNotificationId());
        List<Long> next = recorder.insertEvents(List.of(event(ID3, 1, "topic4", "state4")));
        assertEquals(1, next.size());
        assertTrue(next.get(0) > 3, "a later batch gets a greater id, was " + next);
    }

    @Test
    void notificationsCarryTheStoredEventsInIdOrder() {
        R recorder = createRecorder();
        insertThreeEvents(recorder);

        List<Notification> notifications = recorder.selectNotifications(1, 10);

        assertEquals(List.of(
                new Notification(1, ID1, 1, "topic1", bytes("state1")),
                new Notification(2, ID1, 2, "topic2", bytes("state2")),
                new Notification(3, ID2, 1, "topic3", bytes("state3"))), notifications);
        assertEquals(event(ID2, 1, "topic3", "state3"), notifications.get(2).storedEvent());
    }

    @Test
    void selectNotificationsHonoursStartStopAndExclusiveStart() {
        R recorder = createRecorder();
        insertThreeEvents(recorder);

        assertEquals(List.of(1L, 2L, 3L), ids(recorder.selectNotifications(NotificationSelection.from(1, 10))));
        assertEquals(List.of(1L, 2L), ids(recorder.selectNotifications(NotificationSelection.from(0, 10).stop(2))));
        assertEquals(List.of(2L, 3L), ids(recorder.selectNotifications(NotificationSelection.after(1, 10))));
        assertEquals(List.of(3L), ids(recorder.selectNotifications(NotificationSelection.from(2, 10).exclusiveOfStart())));
        assertEquals(List.of(2L), ids(recorder.selectNotifications(NotificationSelection.from(2, 10).stop(2))));
        assertEquals(List.of(1L, 2L), ids(recorder.selectNotifications(NotificationSelection.from(1, 10).stop(2))));
        assertEquals(List.of(2L), ids(recorder.selectNotifications(NotificationSelection.after(1, 10).stop(2))));
        assertEquals(List.of(), ids(recorder.selectNotifications(NotificationSelection.from(3, 10).stop(2))));
        assertEquals(List.of(), ids(recorder.selectNotifications(NotificationSelection.from(4, 10))));
        assertEquals(List.of(), ids(recorder.selectNotifications(NotificationSelection.after(3, 10))));
        assertEquals(List.of(), ids(recorder.selectNotifications(NotificationSelection.from(Long.MAX_VALUE, 10))));
        assertEquals(List.of(), ids(recorder.selectNotifications(NotificationSelection.after(Long.MAX_VALUE, 10))));
    }

    @Test
    void selectNotificationsReturnsAtMostTheLimit() {
        R recorder = createRecorder();
        insertThreeEvents(recorder);

        assertEquals(List.of(1L), ids(recorder.selectNotifications(NotificationSelection.from(0, 1))));
        assertEquals(List.of(2L), ids(recorder.selectNotifications(NotificationSelection.from(2, 1))));
        assertEquals(List.of(2L), ids(recorder.selectNotifications(NotificationSelection.after(1, 1))));
        assertEquals(List.of(2L, 3L), ids(recorder.selectNotifications(NotificationSelection.from(2, 2))));
        assertEquals(List.of(3L), ids(recorder.selectNotifications(NotificationSelection.from(3, 1))));
        assertEquals(List.of(), ids(recorder.selectNotifications(NotificationSelection.after(3, 1))));
    }

    @Test
    void selectNotificationsKeepsOnlyTheGivenTopicsAndLimitsAfterFiltering() {
        R recorder = createRecorder();
        insertThreeEvents(recorder);

        assertEquals(List.of(1L, 2L, 3L), ids(select(recorder, 1, 10, "topic1", "topic2", "topic3")));
        assertEquals(List.of(1L), ids(select(recorder, 1, 10, "topic1")));
        assertEquals(List.of(2L), ids(select(recorder, 1, 3, "topic2")));
        assertEquals(List.of(3L), ids(select(recorder, 1, 3, "topic3")));
        assertEquals(List.of(1L, 3L), ids(select(recorder, 1, 3, "topic1", "topic3")));
        assertEquals(List.of(3L), ids(select(recorder, 1, 1, "topic3")));
        assertEquals(List.of(), ids(select(recorder, 1, 10, "no such topic")));
        assertEquals(List.of(), ids(recorder.selectNotifications(
                NotificationSelection.from(1, 10).stop(2).topics(Set.of("topic3")))));
    }

    @Test
    void aStartOfZeroOrBelowSelectsFromTheFirstNotification() {
        R recorder = createRecorder();
        recorder.insertEvents(List.of(event(ID1, 1, "topic1", "state1"), event(ID1, 2, "topic2", "state2")));

        assertEquals(List.of(1L, 2L), ids(recorder.selectNotifications(0, 10)));
        assertEquals(List.of(1L, 2L), ids(recorder.selectNotifications(-1, 10)));
        assertEquals(List.of(1L, 2L), ids(recorder.selectNotifications(Long.MIN_VALUE, 10)));
        assertEquals(List.of(1L, 2L), ids(recorder.selectNotifications(NotificationSelection.after(-1, 10))));
    }

    private static List<Notification> select(ApplicationRecorder recorder, long start, int limit, String... topics) {
        return recorder.selectNotifications(NotificationSelection.from(start, limit).topics(Set.of(topics)));
    }
}
