package dev.eventsourcing.jpa;

import dev.eventsourcing.dcb.DcbAppendCondition;
import dev.eventsourcing.dcb.DcbConditionFailedException;
import dev.eventsourcing.dcb.DcbEvent;
import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.dcb.DcbQueryItem;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;

/**
 * DCB appends on MariaDB, H2 and serialised PostgreSQL: each writer locks its application's
 * counter row in {@code es_applications} until it commits, as the notification log's writers do
 * ({@link CounterRowStrategy}).
 *
 * <p>Why this is enough: positions are taken from the counter under the lock, so they are
 * assigned in commit order, without gaps, and every committed position is visible to a read
 * that sees a higher one. A condition is checked under the same lock, after every earlier
 * writer of the application has committed, with a read of the latest committed rows (a locking
 * read on MariaDB, where a plain read could return the snapshot of the caller's earlier read);
 * no event can be added between the check and the insert. The price: all writers of one DCB
 * application take turns, whatever their boundaries (those of different applications do not).
 * A failed condition or a taken event id is found before anything is written, so no statement
 * fails and nothing is logged.
 */
final class CounterRowDcbStrategy implements DcbStrategy {

    // The counter is the last position taken and committed (writers hold its row until they
    // commit, and a rollback takes the increment back), so the highest stored position is the
    // event at the counter. Looking from the counter up reads one index entry; a plain MAX over
    // the application's positions makes H2 scan them all (it walks no index backwards). No row
    // there (the rows deleted by JpaSchema.deleteAllRows) means an empty store.
    private static final String BOUND = """
            SELECT MAX(e.event_position) FROM es_dcb_events e WHERE e.application_name = ?1
              AND e.event_position >= (SELECT a.last_notification_id FROM es_applications a WHERE a.application_name = ?2)""";
    private static final String INCREMENT = """
            UPDATE es_applications SET last_notification_id = last_notification_id + ?1 WHERE application_name = ?2""";
    private static final String COUNTER = "SELECT last_notification_id FROM es_applications WHERE application_name = ?1";

    private final DatabaseStrategy database;
    private final SqlDialect dialect;

    CounterRowDcbStrategy(DatabaseStrategy database, SqlDialect dialect) {
        this.database = database;
        this.dialect = dialect;
    }

    @Override
    public void register(EntityManager em, String application) {
        database.register(em, DcbRows.logName(application));
    }

    @Override
    public long bound(EntityManager em, String application) {
        Object max = em.createNativeQuery(BOUND)
                .setParameter(1, application).setParameter(2, DcbRows.logName(application)).getSingleResult();
        return max == null ? 0 : ((Number) max).longValue();
    }

    @Override
    public long append(EntityManager em, String application, List<DcbEvent> events, DcbAppendCondition condition) {
        String log = DcbRows.logName(application);
        // A write first: it takes the lock, and binds the transaction's connection in every provider.
        dialect.lockApplication(em, log);
        if (condition != null && matchesAfter(em, application, condition.failIfEventsMatch(), condition.after())) {
            throw new DcbConditionFailedException(condition);
        }
        DcbInserts.refuseStoredIds(em, application, events, dialect.lockingRead());
        em.createNativeQuery(INCREMENT).setParameter(1, events.size()).setParameter(2, log).executeUpdate();
        long last = ((Number) em.createNativeQuery(COUNTER + dialect.lockingRead())
                .setParameter(1, log).getSingleResult()).longValue();
        DcbInserts.insert(em, application, last - events.size() + 1, events);
        return last;
    }

    private boolean matchesAfter(EntityManager em, String application, DcbQuery query, long after) {
        List<DcbQueryItem> items = query.items().isEmpty() ? List.of(new DcbQueryItem(Set.of(), Set.of())) : query.items();
        for (DcbQueryItem item : items) {
            NativeSql first = DcbSelects.firstMatch(application, item, after, dialect.lockingRead());
            if (!first.query(em).getResultList().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public DcbSelects.Join join() {
        return dialect == SqlDialect.POSTGRESQL ? DcbSelects.Join.LATERAL : DcbSelects.Join.DERIVED_TABLE;
    }

    @Override
    public String toString() {
        return "counter row (" + database + ")";
    }
}
