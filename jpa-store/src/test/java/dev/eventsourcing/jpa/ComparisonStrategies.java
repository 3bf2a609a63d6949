package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * PostgreSQL strategies that exist only to be compared with the shipped ones: an unguarded
 * sequence (the throughput baseline, which lets readers skip) and the reference library's
 * table lock (safe, but serialises every writer of the table).
 */
final class ComparisonStrategies {

    private ComparisonStrategies() {
    }

    /** Ids from a plain sequence, readers unbounded: fast, and wrong (a late commit is skipped). */
    static DatabaseStrategy unguardedSequence() {
        return new DatabaseStrategy() {
            @Override
            public void register(EntityManager em, String applicationName) {
                em.createNativeQuery("CREATE SEQUENCE IF NOT EXISTS es_unguarded_ids").executeUpdate();
            }

            @Override
            public long reserveNotificationIds(EntityManager em, String applicationName, List<StoredEvent> events) {
                if (events.size() != 1) {
                    throw new IllegalArgumentException("The unguarded sequence serves single-event batches only");
                }
                return ((Number) em.createNativeQuery("SELECT nextval('es_unguarded_ids')").getSingleResult()).longValue();
            }

            @Override
            public long visibleUpTo(EntityManager em, String applicationName) {
                return Long.MAX_VALUE;
            }

            @Override
            public DatabaseSchema schema() {
                return DatabaseSchema.POSTGRESQL;
            }

            @Override
            public String toString() {
                return "unguarded sequence";
            }
        };
    }

    /** The reference library's way: LOCK TABLE ... IN EXCLUSIVE MODE, then max(id) + 1. */
    static DatabaseStrategy tableLock() {
        return new DatabaseStrategy() {
            @Override
            public void register(EntityManager em, String applicationName) {
            }

            @Override
            public long reserveNotificationIds(EntityManager em, String applicationName, List<StoredEvent> events) {
                em.createNativeQuery("LOCK TABLE es_events IN EXCLUSIVE MODE").executeUpdate();
                Object max = em.createNativeQuery(
                                "SELECT COALESCE(MAX(notification_id), 0) FROM es_events WHERE application_name = ?1")
                        .setParameter(1, applicationName)
                        .getSingleResult();
                return ((Number) max).longValue() + 1;
            }

            @Override
            public long visibleUpTo(EntityManager em, String applicationName) {
                return Long.MAX_VALUE;
            }

            @Override
            public DatabaseSchema schema() {
                return DatabaseSchema.POSTGRESQL;
            }

            @Override
            public String toString() {
                return "table lock";
            }
        };
    }
}
