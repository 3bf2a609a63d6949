package dev.eventsourcing.jpa;

import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.projection.Projection;
import dev.eventsourcing.system.transfers.Account;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The "balances" projection of the two-node tests: one view row per event, written through the
 * entity manager of the runner's transaction, naming the node that wrote it. Its handler is
 * poisoned for accounts opened with {@link #POISON}: it throws for each of their events until
 * {@link #cure() cured}. The nodes share one view, as they share one handler's code.
 */
final class BalancesView {

    /** The initial balance that poisons an account. */
    static final int POISON = 666;

    static final String CREATE_TABLE = """
            CREATE TABLE IF NOT EXISTS balances_view (
                notification_id BIGINT      NOT NULL,
                originator_id   VARCHAR(36) NOT NULL,
                node            VARCHAR(8)  NOT NULL
            )""";
    // No key on the notification id: a notification handled twice must show as two rows.
    private static final String INSERT = "INSERT INTO balances_view (notification_id, originator_id, node) VALUES (?1, ?2, ?3)";

    private final Set<UUID> poisoned = ConcurrentHashMap.newKeySet();
    private volatile boolean cured;

    /** The projection as the given node runs it. */
    Projection on(String node) {
        return new Projection() {
            @Override
            public String name() {
                return "balances";
            }

            @Override
            public boolean observes(Class<?> eventType) {
                return Account.Event.class.isAssignableFrom(eventType);
            }

            @Override
            public void process(DomainEvent<?> event, Notification notification, Object unitOfWork) {
                if (event.payload() instanceof Account.Opened opened
                        && opened.initialBalance().compareTo(BigDecimal.valueOf(POISON)) == 0) {
                    poisoned.add(event.originatorId());
                }
                if (!cured && poisoned.contains(event.originatorId())) {
                    throw new IllegalStateException("Account " + event.originatorId() + " is poisoned");
                }
                ((EntityManager) unitOfWork).createNativeQuery(INSERT)
                        .setParameter(1, notification.id())
                        .setParameter(2, notification.originatorId().toString())
                        .setParameter(3, node)
                        .executeUpdate();
            }
        };
    }

    /** Lets the handler process the poisoned accounts' events from now on. */
    void cure() {
        cured = true;
    }
}
