package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventsourcing.persistence.ConcurrencyConflictException;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PostgreSQL append's two statements, for one event and for a batch, each through JDBC on the
 * transaction's connection and as a native query (taken only when the provider gives no
 * connection, so the contract suites never reach it): ids follow on from one statement to the
 * other, a taken version is refused naming the event, and the caller's transaction goes on
 * holding none of the refused batch's rows. Subclasses name the provider.
 */
abstract class PostgresAppendStatementsTestCase {

    abstract TestDatabase database();

    private final PostgresWatermarkStrategy strategy = new PostgresWatermarkStrategy();

    private <T> T inTransaction(boolean throughConnection, Function<EntityManager, T> work) {
        return database().transactions().inTransaction(em -> work.apply(throughConnection ? em : ConnectionlessEntityManager.of(em)));
    }

    private static StoredEvent event(UUID id, long version) {
        return new StoredEvent(id, version, "topic-" + version, new byte[] {(byte) version, 7});
    }

    @ParameterizedTest(name = "through the connection: {0}")
    @ValueSource(booleans = {true, false})
    void oneEventAndABatchTakeIdsInTurnAndATakenVersionIsRefused(boolean throughConnection) {
        String application = TestDatabase.uniqueName("append");
        UUID id = UUID.randomUUID();

        long one = inTransaction(throughConnection, em -> strategy.appendEvents(em, application, List.of(event(id, 1))));
        long batch = inTransaction(throughConnection,
                em -> strategy.appendEvents(em, application, List.of(event(id, 2), event(id, 3))));
        assertEquals(one + 1, batch, "the batch's ids follow the single event's");

        ConcurrencyConflictException alone = assertThrows(ConcurrencyConflictException.class,
                () -> inTransaction(throughConnection, em -> strategy.appendEvents(em, application, List.of(event(id, 3)))));
        assertEquals(id, alone.originatorId());
        assertEquals(3, alone.originatorVersion());

        long after = inTransaction(throughConnection, em -> {
            ConcurrencyConflictException inBatch = assertThrows(ConcurrencyConflictException.class,
                    () -> strategy.appendEvents(em, application, List.of(event(id, 4), event(id, 2))));
            assertEquals(2, inBatch.originatorVersion(), "the batch's first taken version");
            // The refused batch's version 4 was taken out again, so the transaction can append it.
            return strategy.appendEvents(em, application, List.of(event(id, 4)));
        });

        List<Notification> log = inTransaction(true,
                em -> strategy.selectNotifications(em, application, NotificationSelection.after(0, 10)));
        assertEquals(List.of(1L, 2L, 3L, 4L), log.stream().map(Notification::originatorVersion).toList());
        assertEquals(List.of(one, one + 1, one + 2, after), log.stream().map(Notification::id).toList());
        assertEquals(event(id, 4).topic(), log.get(3).topic());
    }
}
