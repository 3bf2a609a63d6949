package dev.eventsourcing.jpa;

import jakarta.persistence.EntityManager;

/**
 * The SQL that differs between the databases where the recorders check for conflicts before
 * they write: how an application's row in {@code es_applications} is added, and how a check
 * reads the latest committed rows rather than an older snapshot.
 *
 * <p>Why the checks exist: a duplicate key is an expected outcome of optimistic concurrency, but
 * a statement that fails on one is logged as an error by the JPA provider (Hibernate logs every
 * failed statement at ERROR). So the recorders never let a conflict reach the database as a
 * failing statement: where the database has a conflict-tolerant insert (PostgreSQL's
 * {@code ON CONFLICT DO NOTHING}) they use it and count the rows; elsewhere they check under a
 * lock that every writer of the same rows takes first (see {@link TrackingRows},
 * {@link CounterRowStrategy}).
 */
enum SqlDialect {

    POSTGRESQL(DatabaseSchema.POSTGRESQL, """
            INSERT INTO es_applications (application_name, last_notification_id) VALUES (?1, 0)
            ON CONFLICT DO NOTHING""", ""),

    /**
     * On MariaDB a check reads with {@code LOCK IN SHARE MODE}: under REPEATABLE READ, InnoDB's
     * default, a plain read returns the snapshot of the transaction's first read, which may be
     * older than the lock the writer holds (a caller's JTA transaction may have read first). A
     * locking read returns the latest committed rows. Registering is an upsert that changes
     * nothing, not {@code INSERT IGNORE}, which would also turn errors other than the duplicate
     * key (a name the column's character set cannot hold) into silently altered data.
     */
    MARIADB(DatabaseSchema.MARIADB, """
            INSERT INTO es_applications (application_name, last_notification_id) VALUES (?1, 0)
            ON DUPLICATE KEY UPDATE application_name = application_name""", " LOCK IN SHARE MODE"),

    /**
     * H2's MERGE adds the row when it is missing. Two transactions that add the same new
     * application at once still collide (the later one fails on the key); it happens once per
     * application at most, and {@link JpaApplicationRecorder#register()} at start-up avoids it.
     */
    H2(DatabaseSchema.H2, """
            MERGE INTO es_applications a USING (VALUES (CAST(?1 AS VARCHAR(255)))) n (application_name)
            ON a.application_name = n.application_name
            WHEN NOT MATCHED THEN INSERT (application_name, last_notification_id) VALUES (n.application_name, 0)""", "");

    private static final String TOUCH = """
            UPDATE es_applications SET last_notification_id = last_notification_id WHERE application_name = ?1""";

    private final DatabaseSchema schema;
    private final String register;
    private final String lockingRead;

    SqlDialect(DatabaseSchema schema, String register, String lockingRead) {
        this.schema = schema;
        this.register = register;
        this.lockingRead = lockingRead;
    }

    /** The dialect of a database's tables. */
    static SqlDialect of(DatabaseSchema schema) {
        return switch (schema) {
            case POSTGRESQL -> POSTGRESQL;
            case MARIADB -> MARIADB;
            case H2 -> H2;
        };
    }

    /** The tables of this database. */
    DatabaseSchema schema() {
        return schema;
    }

    /** Adds the application's row with counter 0 unless it exists. */
    void register(EntityManager em, String applicationName) {
        em.createNativeQuery(register).setParameter(1, applicationName).executeUpdate();
    }

    /**
     * Locks the application's row until the end of the transaction, adding the row first when it
     * is missing. Writers that take this lock before checking for a conflict, and insert only
     * after, cannot collide on a key.
     *
     * <p>Only statements that write take the lock, because they bind the transaction's connection
     * in every provider (EclipseLink runs reads before the first write on another connection).
     * On MariaDB the upsert alone does it, whether it inserts or finds the row; an update first
     * would take a gap lock on a missing row under REPEATABLE READ, and two first writers holding
     * one each would then deadlock on their inserts. Elsewhere an update that changes nothing
     * locks the row, and a count of 0 means it is missing.
     */
    void lockApplication(EntityManager em, String applicationName) {
        if (this == MARIADB || em.createNativeQuery(TOUCH).setParameter(1, applicationName).executeUpdate() == 0) {
            register(em, applicationName);
        }
    }

    /** Appended to a select so that it reads the latest committed rows (and keeps them until commit). */
    String lockingRead() {
        return lockingRead;
    }
}
