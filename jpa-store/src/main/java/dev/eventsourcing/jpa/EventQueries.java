package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.EventSelection;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.UUID;

/** Selects the events of one originator from either event table, as the selection says. */
final class EventQueries {

    private EventQueries() {
    }

    /**
     * The JPQL that selects one originator's events from {@code entity}, whose rows belong to the
     * owner named by {@code ownerField}, as {@code StoredEvent} records. The records come straight
     * from the rows (a constructor expression): no managed entities, so no persistence-context
     * bookkeeping or dirty check of every row at commit. The ORDER BY names the whole index
     * prefix, owner first: the equality on it makes the order the same, and it lets every
     * database (H2 in particular) walk the index instead of sorting or scanning.
     */
    static String selectEventsJpql(String entity, String ownerField, boolean descending) {
        String direction = descending ? " DESC" : "";
        return "SELECT NEW dev.eventsourcing.persistence.StoredEvent(e.originatorId, e.originatorVersion, e.topic, e.state)"
                + " FROM " + entity + " e"
                + " WHERE e." + ownerField + " = :owner AND e.originatorId = :originatorId"
                + " AND e.originatorVersion >= :from AND e.originatorVersion <= :to"
                + " ORDER BY e." + ownerField + direction + ", e.originatorId" + direction
                + ", e.originatorVersion" + direction;
    }

    /**
     * Runs {@code jpql}, which must name the parameters {@code :owner}, {@code :originatorId},
     * {@code :from} and {@code :to} (inclusive version bounds), with the selection's limit.
     */
    static <E> List<E> select(EntityManager em, String jpql, Class<E> type, String owner, UUID originatorId,
                              EventSelection selection) {
        if (selection.gt() != null && selection.gt() == Long.MAX_VALUE
                || selection.limit() != null && selection.limit() == 0) {
            return List.of();
        }
        TypedQuery<E> query = em.createQuery(jpql, type)
                .setParameter("owner", owner)
                .setParameter("originatorId", originatorId)
                .setParameter("from", selection.gt() == null ? Long.MIN_VALUE : selection.gt() + 1)
                .setParameter("to", selection.lte() == null ? Long.MAX_VALUE : selection.lte());
        if (selection.limit() != null) {
            query.setMaxResults(selection.limit());
        }
        return query.getResultList();
    }
}
