package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.EventKey;
import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;

/**
 * Pages through the rows of either event table in key order and replaces their states: what
 * maintenance such as re-encryption needs ({@code selectAllEvents}, {@code replaceStates}).
 */
final class StateRows {

    private final String firstPage;
    private final String nextPage;
    private final String replace;

    /**
     * @param entity      the entity of the table, e.g. {@code AggregateEventEntity}
     * @param ownerField  the entity's field naming the rows' owner
     * @param table       the table
     * @param ownerColumn the table's column naming the rows' owner
     */
    StateRows(String entity, String ownerField, String table, String ownerColumn) {
        String select = "SELECT NEW dev.eventsourcing.persistence.StoredEvent(e.originatorId, e.originatorVersion, e.topic, e.state)"
                + " FROM " + entity + " e WHERE e." + ownerField + " = :owner";
        // Walks the unique index (owner, originator id, version): the first condition on the
        // originator id bounds the range the index scan starts from, the second leaves out the
        // versions up to the key within its originator.
        String order = " ORDER BY e." + ownerField + ", e.originatorId, e.originatorVersion";
        this.firstPage = select + order;
        this.nextPage = select + " AND e.originatorId >= :originatorId"
                + " AND (e.originatorId > :originatorId OR e.originatorVersion > :version)" + order;
        // Native, since the entities map the state as not updatable (stored events never change
        // otherwise); the originator id is bound as text and cast, as every database does alike.
        this.replace = "UPDATE " + table + " SET state = ?1 WHERE " + ownerColumn + " = ?2"
                + " AND originator_id = CAST(?3 AS UUID) AND originator_version = ?4 AND topic = ?5";
    }

    /**
     * Up to {@code limit} events of the owner after the key (or from the first), in key order, in
     * a transaction of the recorder's: what both recorders' {@code selectAllEvents} do.
     */
    List<StoredEvent> selectAll(JpaTransactions transactions, String owner, EventKey after, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("The limit must not be negative, was " + limit);
        }
        try {
            return transactions.inTransaction(em -> selectAll(em, owner, after, limit));
        } catch (RuntimeException e) {
            throw JpaExceptions.translate(e, "Selecting events after " + after + " from " + owner);
        }
    }

    /**
     * Replaces the states of the owner's rows with those of the events, in a transaction of the
     * recorder's: what both recorders' {@code replaceStates} do.
     */
    int replace(JpaTransactions transactions, String owner, List<StoredEvent> events) {
        List<StoredEvent> batch = List.copyOf(events);
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            return transactions.inTransaction(em -> replace(em, owner, batch));
        } catch (RuntimeException e) {
            throw JpaExceptions.translate(e, "Replacing the states of " + batch.size() + " events of " + owner);
        }
    }

    /** Up to {@code limit} events of the owner after the key (or from the first), in key order. */
    List<StoredEvent> selectAll(EntityManager em, String owner, EventKey after, int limit) {
        if (limit == 0) {
            return List.of();
        }
        TypedQuery<StoredEvent> query = em.createQuery(after == null ? firstPage : nextPage, StoredEvent.class)
                .setParameter("owner", owner)
                .setMaxResults(limit);
        if (after != null) {
            query.setParameter("originatorId", after.originatorId()).setParameter("version", after.originatorVersion());
        }
        return query.getResultList();
    }

    /** Replaces the states of the owner's rows with the events' originator ids, versions and topics. */
    int replace(EntityManager em, String owner, List<StoredEvent> events) {
        int replaced = 0;
        for (StoredEvent event : events) {
            replaced += em.createNativeQuery(replace)
                    .setParameter(1, event.state())
                    .setParameter(2, owner)
                    .setParameter(3, event.originatorId().toString())
                    .setParameter(4, event.originatorVersion())
                    .setParameter(5, event.topic())
                    .executeUpdate();
        }
        return replaced;
    }
}
