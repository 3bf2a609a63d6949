package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.OperationalException;
import jakarta.persistence.EntityManager;

import java.util.Locale;

/**
 * The event store's tables on one kind of database: the idempotent DDL script that creates them
 * ({@link #ddlResource()}, to run with a migration tool, or at start-up by
 * {@link JpaSchema#createTables}), and the lock that lets one process at a time run it.
 *
 * <p>Why the lock exists: each statement of the script is idempotent, but not against a concurrent
 * creator. PostgreSQL checks {@code IF NOT EXISTS} without locking the name, so two transactions
 * creating one table both go ahead and the later fails on a catalog unique index
 * ({@code pg_type_typname_nsp_index}); two {@code CREATE OR REPLACE FUNCTION} of one function
 * fail with "tuple concurrently updated". Nodes of a cluster booting together would not start.
 *
 * <p>Both locks are taken by a statement run with {@code executeUpdate}, which binds the
 * transaction's connection in every provider (EclipseLink acquires it lazily, at the first
 * write), so that the lock belongs to the connection that then runs the script.
 */
public enum DatabaseSchema {

    /**
     * A transaction-level advisory lock, held until the script's transaction has committed or
     * rolled back, so the next process finds every object committed. It waits as long as any
     * lock does (the session's {@code lock_timeout}, unlimited by default).
     */
    POSTGRESQL {
        @Override
        void lock(EntityManager em) {
            em.createNativeQuery(POSTGRESQL_LOCK).executeUpdate();
        }
    },

    /**
     * A named lock of the connection ({@code GET_LOCK}), as DDL commits implicitly and so no
     * lock can last for the transaction; it is released after the script, also when the script
     * failed, or the connection would keep it in its pool. (MariaDB's
     * {@code CREATE TABLE IF NOT EXISTS} already waits on a metadata lock of its table, so
     * today's script survives a race without it; the lock keeps whatever statements the script
     * gains later safe as well.)
     */
    MARIADB {
        @Override
        void lock(EntityManager em) {
            lockMariaDb(em, MARIADB_TIMEOUT_SECONDS);
        }

        @Override
        void unlock(EntityManager em) {
            em.createNativeQuery(MARIADB_UNLOCK).executeUpdate();
        }
    },

    /**
     * Nothing: H2's {@code CREATE TABLE} takes the database's exclusive metadata lock before it
     * checks {@code IF NOT EXISTS}, so concurrent creators are serialised already, and the H2
     * script has no other kind of statement.
     */
    H2;

    // Two-int key (0x45540000, 0): outside the keys of PostgresWatermarkStrategy (allocation
    // 0x45520000, in progress 0x4553xxxx). A DO block, because an update statement returns no rows.
    private static final String POSTGRESQL_LOCK = "DO $$ BEGIN PERFORM pg_advisory_xact_lock(1163132928, 0); END $$";

    static final int MARIADB_TIMEOUT_SECONDS = 60;
    // Named after the database, as named locks are server-wide (at most 21 + 64 characters).
    static final String MARIADB_LOCK_NAME = "CONCAT('eventsourcing.schema.', COALESCE(DATABASE(), ''))";
    private static final String MARIADB_LOCK = "SET @es_schema_lock = GET_LOCK(" + MARIADB_LOCK_NAME + ", ?1)";
    private static final String MARIADB_TAKEN = "SELECT @es_schema_lock";
    private static final String MARIADB_UNLOCK = "DO RELEASE_LOCK(" + MARIADB_LOCK_NAME + ")";

    /**
     * Takes MariaDB's named lock of the connection, waiting at most the given time.
     *
     * @throws OperationalException when another connection held it all that time
     */
    static void lockMariaDb(EntityManager em, int timeoutSeconds) {
        em.createNativeQuery(MARIADB_LOCK).setParameter(1, timeoutSeconds).executeUpdate();
        Object taken = em.createNativeQuery(MARIADB_TAKEN).getSingleResult();
        if (!(taken instanceof Number number) || number.intValue() != 1) {
            Object name = em.createNativeQuery("SELECT " + MARIADB_LOCK_NAME).getSingleResult();
            throw new OperationalException("Could not take the lock '" + name + "' within " + timeoutSeconds
                    + " s: another process has held it all that time while creating the tables; is its start-up stuck?",
                    null);
        }
    }

    /**
     * The class-path resource of the idempotent DDL script that creates the tables, e.g.
     * {@code META-INF/eventsourcing/postgresql.sql}.
     *
     * @return the resource's path on the class path, without a leading slash
     */
    public String ddlResource() {
        return "META-INF/eventsourcing/" + name().toLowerCase(Locale.ROOT) + ".sql";
    }

    /**
     * Takes the lock, in the unit of work that runs the script and before its first statement,
     * waiting while another process holds it.
     *
     * @throws OperationalException when the lock was not free in time (MariaDB: 60 s)
     */
    void lock(EntityManager em) {
    }

    /**
     * Releases the lock where it outlives the transaction (MariaDB's lock of the connection);
     * nothing where it ends with the transaction. Called after the script, and also after a
     * statement of it has failed.
     */
    void unlock(EntityManager em) {
    }
}
