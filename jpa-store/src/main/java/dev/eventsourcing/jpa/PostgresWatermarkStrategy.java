package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PostgreSQL: concurrent writers, readers bounded by a visibility watermark.
 *
 * <p>The mechanism lives in two PL/pgSQL functions of {@code postgresql.sql}, whose comments
 * give the full argument. In short: ids come from a per-application sequence (not
 * transactional, so writers never wait for each other's commits); each writer, inside a
 * microsecond-long critical section guarded by an exclusive advisory lock, takes its ids and a
 * transaction-level advisory lock keyed by its first id, which PostgreSQL holds until the
 * commit or rollback is complete. A reader takes the same critical-section lock (shared, so
 * readers do not block each other), reads the sequence value and the first ids still locked,
 * and returns only rows below the lowest of them. One call per unit of work each: the critical
 * section never spans a network round trip. The reserving function also refuses a batch with a
 * version taken already before it takes ids, so that a plain conflict leaves no gap; only a
 * rolled-back transaction (or a conflict with a concurrent, uncommitted writer) does.
 */
final class PostgresWatermarkStrategy implements DatabaseStrategy {

    private static final String REGISTER = "SELECT es_application_key(?1)";
    private static final String RESERVE = "SELECT es_reserve_notification_ids(?1, ?2, ?3, ?4)";
    private static final String WATERMARK = "SELECT es_notification_watermark(?1)";

    @Override
    public void register(EntityManager em, String applicationName) {
        em.createNativeQuery(REGISTER).setParameter(1, applicationName).getSingleResult();
    }

    @Override
    public long reserveNotificationIds(EntityManager em, String applicationName, List<StoredEvent> events) {
        Object first = em.createNativeQuery(RESERVE)
                .setParameter(1, applicationName)
                .setParameter(2, events.size())
                .setParameter(3, events.stream().map(e -> e.originatorId().toString()).collect(Collectors.joining(",")))
                .setParameter(4, events.stream().map(e -> Long.toString(e.originatorVersion())).collect(Collectors.joining(",")))
                .getSingleResult();
        return ((Number) first).longValue();
    }

    @Override
    public long visibleUpTo(EntityManager em, String applicationName) {
        Object watermark = em.createNativeQuery(WATERMARK)
                .setParameter(1, applicationName)
                .getSingleResult();
        return ((Number) watermark).longValue();
    }

    @Override
    public String ddlResource() {
        return "META-INF/eventsourcing/postgresql.sql";
    }

    @Override
    public String toString() {
        return "postgresql";
    }
}
