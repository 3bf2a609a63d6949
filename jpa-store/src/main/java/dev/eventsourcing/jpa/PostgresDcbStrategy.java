package dev.eventsourcing.jpa;

import dev.eventsourcing.dcb.DcbAppendCondition;
import dev.eventsourcing.dcb.DcbConditionFailedException;
import dev.eventsourcing.dcb.DcbEvent;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * DCB appends on PostgreSQL: one call of the function {@code es_dcb_append} (in
 * {@code postgresql.sql}, whose comments give the full argument) per append, conditional or
 * not. It takes shared locks on the types and tags it writes and exclusive ones on those its
 * condition names, checks the condition, reserves positions as the notification log does
 * (a sequence and an in-progress lock, so writers do not wait for each other's commits), and
 * inserts the events and their tags. Reads are bounded by {@code es_dcb_head}: the notification
 * log's watermark, below which every position is settled.
 *
 * <p>So appends whose boundaries are disjoint (no condition names a tag or type the other writes)
 * do not wait for each other, and two appends on one boundary take turns: the second checks
 * after the first has committed, and fails.
 */
final class PostgresDcbStrategy implements DcbStrategy {

    private static final String REGISTER = "SELECT es_application_key(?1)";
    private static final String HEAD = "SELECT es_dcb_head(?1, ?2, ?3)";
    /**
     * How long a read waits for writers with positions below the highest committed one to end,
     * so that a command reads its own appends (see {@code es_dcb_head}).
     */
    static final int HEAD_WAIT_MILLIS = 2000;
    private static final String APPEND = "SELECT es_dcb_append(?1, ?2, ?3)";
    private static final String STORED_ID = """
            SELECT CAST(event_id AS CHAR(36)) FROM es_dcb_events WHERE application_name = ?1 AND event_id = CAST(?2 AS UUID)""";

    @Override
    public void register(EntityManager em, String application) {
        em.createNativeQuery(REGISTER).setParameter(1, DcbRows.logName(application)).getSingleResult();
    }

    @Override
    public long bound(EntityManager em, String application) {
        return ((Number) em.createNativeQuery(HEAD)
                .setParameter(1, application)
                .setParameter(2, DcbRows.logName(application))
                .setParameter(3, HEAD_WAIT_MILLIS)
                .getSingleResult()).longValue();
    }

    @Override
    public long append(EntityManager em, String application, List<DcbEvent> events, DcbAppendCondition condition) {
        long last = ((Number) em.createNativeQuery(APPEND)
                .setParameter(1, application)
                .setParameter(2, DcbRows.logName(application))
                .setParameter(3, DcbBatchJson.of(events, condition))
                .getSingleResult()).longValue();
        if (last == 0) {
            throw new DcbConditionFailedException(condition);
        }
        if (last < 0) {
            throw DcbInserts.storedId(application, storedId(em, application, events));
        }
        return last;
    }

    private static String storedId(EntityManager em, String application, List<DcbEvent> events) {
        for (DcbEvent event : events) {
            List<?> stored = em.createNativeQuery(STORED_ID)
                    .setParameter(1, application).setParameter(2, event.id().toString()).getResultList();
            if (!stored.isEmpty()) {
                return String.valueOf(stored.get(0)).trim();
            }
        }
        return "(one of the batch's, committed since)";
    }

    @Override
    public DcbSelects.Join join() {
        return DcbSelects.Join.LATERAL;
    }

    @Override
    public String toString() {
        return "postgresql";
    }
}
