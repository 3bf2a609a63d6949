package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;

/**
 * Serialised writers: each writer increments its application's counter row in
 * {@code es_applications} and keeps the row locked until it commits or rolls back.
 *
 * <p>Why readers never skip: the next writer of the application can read the counter only after
 * the previous one has finished, so ids are assigned in commit order and a snapshot always sees
 * a prefix of the log. A rolled-back writer also rolls back its increment, so there are no gaps.
 * The price is that writers of one application commit one at a time (no group commit); writers
 * of different applications do not wait for each other.
 */
final class CounterRowStrategy implements DatabaseStrategy {

    static final String POSTGRESQL_REGISTER = """
            INSERT INTO es_applications (application_name, last_notification_id) VALUES (?1, 0)
            ON CONFLICT DO NOTHING""";
    static final String MARIADB_REGISTER = """
            INSERT IGNORE INTO es_applications (application_name, last_notification_id) VALUES (?1, 0)""";
    static final String H2_REGISTER = """
            MERGE INTO es_applications a USING (VALUES (CAST(?1 AS VARCHAR(255)))) n (application_name)
            ON a.application_name = n.application_name
            WHEN NOT MATCHED THEN INSERT (application_name, last_notification_id) VALUES (n.application_name, 0)""";

    private static final String INCREMENT = """
            UPDATE es_applications SET last_notification_id = last_notification_id + ?1
            WHERE application_name = ?2""";
    private static final String LAST_ID = """
            SELECT last_notification_id FROM es_applications WHERE application_name = ?1""";

    private final String register;
    private final DatabaseSchema schema;

    CounterRowStrategy(String register, DatabaseSchema schema) {
        this.register = register;
        this.schema = schema;
    }

    @Override
    public long reserveNotificationIds(EntityManager em, String applicationName, List<StoredEvent> events) {
        int count = events.size();
        // The UPDATE locks the row until commit; it reads the latest committed counter whatever
        // the isolation level, and a concurrent writer waits here.
        if (increment(em, applicationName, count) == 0) {
            register(em, applicationName);
            increment(em, applicationName, count);
        }
        List<?> last = em.createNativeQuery(LAST_ID).setParameter(1, applicationName).getResultList();
        return ((Number) last.get(0)).longValue() - count + 1;
    }

    @Override
    public void register(EntityManager em, String applicationName) {
        em.createNativeQuery(register).setParameter(1, applicationName).executeUpdate();
    }

    private static int increment(EntityManager em, String applicationName, int count) {
        return em.createNativeQuery(INCREMENT)
                .setParameter(1, count)
                .setParameter(2, applicationName)
                .executeUpdate();
    }

    @Override
    public long visibleUpTo(EntityManager em, String applicationName) {
        return Long.MAX_VALUE;
    }

    @Override
    public DatabaseSchema schema() {
        return schema;
    }

    @Override
    public String toString() {
        return schema.name().toLowerCase(Locale.ROOT) + (schema == DatabaseSchema.POSTGRESQL ? "-serialised" : "");
    }
}
