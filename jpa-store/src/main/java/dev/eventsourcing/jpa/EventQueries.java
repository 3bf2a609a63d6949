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
