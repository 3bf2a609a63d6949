package dev.eventsourcing.jpa;

import dev.eventsourcing.jpa.entity.ParkedKey;
import dev.eventsourcing.jpa.entity.ParkedNotificationEntity;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.OperationalException;
import dev.eventsourcing.persistence.ParkedNotification;
import dev.eventsourcing.persistence.ParkedNotification.Status;
import dev.eventsourcing.persistence.ParkingRecorder;
import dev.eventsourcing.persistence.RecorderException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * A {@link ParkingRecorder} on JPA: the notifications that readers parked, in {@code es_parked},
 * keyed by (reader, upstream log, notification id), for every reader of the store.
 *
 * <p>Each call is one unit of work of the given {@link JpaTransactions}, so a reader that parks a
 * notification inside its own transaction (see {@link ThreadBoundTransactions}, or a joined JTA
 * transaction) parks it atomically with its tracking position.
 *
 * <p>Parking is an upsert without an error on its expected paths: the row is looked up first; a
 * new one is inserted by a statement that ignores a row inserted meanwhile by another node (see
 * {@code ParkedRows}), and an existing one is locked ({@code SELECT ... FOR UPDATE}) before it is
 * checked and changed, so that a concurrent resolve and park cannot both win. An error message
 * longer than 4,000 characters is cut, and a stack trace longer than 100,000 characters loses
 * its middle; NUL characters become U+FFFD; times are kept to the microsecond (as microseconds
 * since the epoch, which every database and provider keeps exactly). Every failure
 * arrives as a {@link RecorderException}.
 */
public class JpaParkingRecorder implements ParkingRecorder {

    private static final String IS_PARKED = """
            SELECT p.notificationId FROM ParkedNotificationEntity p
            WHERE p.reader = :reader AND p.upstream = :upstream AND p.status = :status
              AND p.originatorId = :originatorId""";
    private static final String PARKED_ORIGINATORS = """
            SELECT DISTINCT p.originatorId FROM ParkedNotificationEntity p
            WHERE p.reader = :reader AND p.upstream = :upstream AND p.status = :status""";
    private static final String SELECT = "SELECT p FROM ParkedNotificationEntity p";
    private static final String ORDER = " ORDER BY p.reader, p.upstream, p.notificationId";

    private final JpaTransactions transactions;
    private final DatabaseStrategy database;

    /**
     * @param transactions how units of work get an entity manager and a transaction
     * @param database     the database, whose statement inserts a parked notification
     */
    public JpaParkingRecorder(JpaTransactions transactions, DatabaseStrategy database) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void park(ParkedNotification parked) {
        Objects.requireNonNull(parked, "parked");
        run("Parking notification " + parked.notificationId() + " of " + parked.upstream() + " for " + parked.reader(),
                em -> {
                    ParkedKey key = new ParkedKey(parked.reader(), parked.upstream(), parked.notificationId());
                    ParkedNotificationEntity row = em.find(ParkedNotificationEntity.class, key);
                    if (row == null && ParkedRows.insertIfAbsent(em, database.schema(), parked)) {
                        return null;
                    }
                    row = locked(em, key, row);
                    if (row.status() != Status.PARKED) {
                        throw new IntegrityException("Notification " + parked.notificationId() + " of " + parked.upstream()
                                + " was " + row.status() + " by " + parked.reader() + " already; it is not parked again");
                    }
                    ParkedRows.park(row, parked);
                    em.flush();
                    return null;
                });
    }

    // The row as committed now, locked until the end of the transaction. Found by the first read,
    // it is refreshed (a pessimistic find would lock it without reading it again); inserted by a
    // concurrent park meanwhile, it is read for the first time.
    private static ParkedNotificationEntity locked(EntityManager em, ParkedKey key, ParkedNotificationEntity found) {
        if (found != null) {
            em.refresh(found, LockModeType.PESSIMISTIC_WRITE);
            return found;
        }
        ParkedNotificationEntity row = em.find(ParkedNotificationEntity.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw new OperationalException("A parked notification that a concurrent transaction inserted is gone; try again", null);
        }
        return row;
    }

    @Override
    public boolean isParked(String reader, String upstream, UUID originatorId) {
        Objects.requireNonNull(originatorId, "originatorId");
        return run("Looking for parked notifications of " + originatorId + " in " + upstream + " for " + reader,
                em -> !em.createQuery(IS_PARKED, Long.class)
                        .setParameter("reader", Objects.requireNonNull(reader, "reader"))
                        .setParameter("upstream", Objects.requireNonNull(upstream, "upstream"))
                        .setParameter("status", Status.PARKED)
                        .setParameter("originatorId", originatorId)
                        .setMaxResults(1)
                        .getResultList().isEmpty());
    }

    @Override
    public Set<UUID> parkedOriginators(String reader, String upstream) {
        return run("Selecting the originators parked in " + upstream + " by " + reader,
                em -> Set.copyOf(new HashSet<>(em.createQuery(PARKED_ORIGINATORS, UUID.class)
                        .setParameter("reader", Objects.requireNonNull(reader, "reader"))
                        .setParameter("upstream", Objects.requireNonNull(upstream, "upstream"))
                        .setParameter("status", Status.PARKED)
                        .getResultList())));
    }

    @Override
    public Optional<ParkedNotification> get(String reader, String upstream, long notificationId) {
        ParkedKey key = new ParkedKey(Objects.requireNonNull(reader, "reader"),
                Objects.requireNonNull(upstream, "upstream"), notificationId);
        return run("Reading parked notification " + notificationId + " of " + upstream + " for " + reader,
                em -> Optional.ofNullable(em.find(ParkedNotificationEntity.class, key)).map(ParkedRows::toRecord));
    }

    @Override
    public List<ParkedNotification> select(String reader, Status status, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("The limit cannot be negative, was " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        return run("Selecting parked notifications", em -> {
            TypedQuery<ParkedNotificationEntity> query = em.createQuery(selectJpql(reader, status),
                    ParkedNotificationEntity.class).setMaxResults(limit);
            if (reader != null) {
                query.setParameter("reader", reader);
            }
            if (status != null) {
                query.setParameter("status", status);
            }
            return query.getResultList().stream().map(ParkedRows::toRecord).toList();
        });
    }

    // Conditions only for the filters given: a null parameter has no type PostgreSQL can infer.
    private static String selectJpql(String reader, Status status) {
        List<String> conditions = new ArrayList<>();
        if (reader != null) {
            conditions.add("p.reader = :reader");
        }
        if (status != null) {
            conditions.add("p.status = :status");
        }
        return SELECT + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions)) + ORDER;
    }

    @Override
    public void resolve(String reader, String upstream, long notificationId, Status resolution, Instant at) {
        if (Objects.requireNonNull(resolution, "resolution") == Status.PARKED) {
            throw new IllegalArgumentException("A parked notification is resolved as RETRIED or SKIPPED, not PARKED");
        }
        long time = ParkedRows.micros(Objects.requireNonNull(at, "at"));
        ParkedKey key = new ParkedKey(Objects.requireNonNull(reader, "reader"),
                Objects.requireNonNull(upstream, "upstream"), notificationId);
        run("Resolving notification " + notificationId + " of " + upstream + " for " + reader + " as " + resolution, em -> {
            ParkedNotificationEntity row = em.find(ParkedNotificationEntity.class, key, LockModeType.PESSIMISTIC_WRITE);
            if (row == null || row.status() != Status.PARKED) {
                throw new IntegrityException("Notification " + notificationId + " of " + upstream + " is not parked by "
                        + reader + (row == null ? "" : "; it was " + row.status()));
            }
            row.resolve(resolution, time);
            em.flush();
            return null;
        });
    }

    private <T> T run(String operation, Function<EntityManager, T> work) {
        return JpaExceptions.inTransaction(transactions, operation, work);
    }

    @Override
    public String toString() {
        return "JpaParkingRecorder[" + database + "]";
    }
}
