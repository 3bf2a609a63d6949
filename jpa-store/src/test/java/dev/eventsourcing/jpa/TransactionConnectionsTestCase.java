package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * JDBC work run through {@link TransactionConnections} reaches the connection of the entity
 * manager's own transaction with each provider the store is tested on (so the hot statements
 * never fall back to the native-query path unnoticed), commits and rolls back with it, and
 * fails as a {@link PersistenceException} that the store's translation understands.
 * Subclasses name the database and provider.
 */
abstract class TransactionConnectionsTestCase {

    abstract TestDatabase database();

    @Test
    void workRunsInTheTransactionAndRollsBackWithIt() {
        String reader = TestDatabase.uniqueName("jdbc");
        EntityManager em = database().factory().createEntityManager();
        try {
            em.getTransaction().begin();
            int inserted = TransactionConnections.run(em, c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO es_tracking "
                        + "(application_name, upstream_application_name, notification_id) VALUES (?, 'upstream', 1)")) {
                    insert.setString(1, reader);
                    return insert.executeUpdate();
                }
            }).orElseThrow(() -> new AssertionError("The provider's connection was not reached"));
            assertEquals(1, inserted);
            assertEquals(1L, count(em, reader), "the provider's own statements see the row: one transaction");
            em.getTransaction().rollback();
        } finally {
            em.close();
        }
        EntityManager later = database().factory().createEntityManager();
        try {
            assertEquals(0L, count(later, reader), "the rollback took the row away");
        } finally {
            later.close();
        }
    }

    @Test
    void aFailingStatementIsAPersistenceExceptionCarryingTheSqlException() {
        EntityManager em = database().factory().createEntityManager();
        try {
            em.getTransaction().begin();
            PersistenceException failure = assertThrows(PersistenceException.class, () -> TransactionConnections.run(em,
                    c -> c.createStatement().executeQuery("SELECT no_such_column FROM es_tracking")));
            Throwable cause = failure;
            while (cause != null && !(cause instanceof SQLException)) {
                cause = cause.getCause();
            }
            assertTrue(cause instanceof SQLException, "an SQLException in the chain: " + failure);
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private static long count(EntityManager em, String reader) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM es_tracking WHERE application_name = ?1")
                .setParameter(1, reader).getSingleResult()).longValue();
    }
}
