package dev.eventsourcing.jpa;

import dev.eventsourcing.jpa.entity.SubjectKeyEntity;
import dev.eventsourcing.persistence.SubjectKey;
import jakarta.persistence.EntityManager;
import dev.eventsourcing.persistence.OperationalException;
import jakarta.persistence.Query;
import java.util.List;
import java.util.UUID;

/**
 * Inserts and reads the rows of {@code es_subject_keys}.
 *
 * <p>Why the insert is a native statement: two writers may make the first key of one subject at
 * the same moment (two nodes writing the first personal events that name one customer, say).
 * Both find no row and both insert; with a plain insert the second would fail on the primary key
 * and the provider would log the failure as an error. On PostgreSQL ({@code ON CONFLICT DO
 * NOTHING}) and MariaDB ({@code INSERT IGNORE}) the second insert instead waits for the first
 * transaction and then inserts nothing, and the recorder reads the row the first one committed
 * ({@link #readCommitted}).
 * H2 has no such statement outside its PostgreSQL mode; there the second insert fails on the
 * primary key, and the recorder reads the first one's row in a unit of work of its own when it
 * owns its transactions (else the caller's transaction fails with an integrity error and is
 * retried as any conflict is).
 */
final class SubjectKeyRows {

    private static final String KEY = " (application_name, subject_id, wrapped_key, shredded_at) VALUES (?1, ?2, ?3, NULL)";
    private static final String TOMBSTONE = " (application_name, subject_id, wrapped_key, shredded_at) VALUES (?1, ?2, NULL, ?3)";

    private static final String SELECT = "SELECT wrapped_key, shredded_at FROM es_subject_keys"
            + " WHERE application_name = ?1 AND subject_id = ?2";

    private SubjectKeyRows() {
    }

    /**
     * Inserts the subject's key, or its tombstone, unless a row of
     * the subject exists (committed, or committed by a concurrent transaction this one waited for).
     *
     * @return whether this call inserted it
     */
    static boolean insertIfAbsent(EntityManager em, DatabaseSchema schema, String application, SubjectKey key) {
        // Literal NULLs rather than null parameters: PostgreSQL cannot type an untyped null.
        String values = key.shredded() ? TOMBSTONE : KEY;
        Query insert = em.createNativeQuery(switch (schema) {
            case POSTGRESQL -> "INSERT INTO es_subject_keys" + values + " ON CONFLICT (application_name, subject_id) DO NOTHING";
            case MARIADB -> "INSERT IGNORE INTO es_subject_keys" + values;
            case H2 -> "INSERT INTO es_subject_keys" + values;
        });
        insert.setParameter(1, application)
                .setParameter(2, key.subject())
                .setParameter(3, key.shredded() ? ParkedRows.micros(key.shreddedAt()) : key.wrappedKey());
        return insert.executeUpdate() > 0;
    }

    /**
     * The subject's row as committed now, read with a shared lock: a plain read in MariaDB's
     * repeatable read would answer from the transaction's snapshot, taken before another writer
     * committed the row; and the insert that found that row holds a shared lock on it already, so
     * asking for more (an exclusive lock) would make two such writers deadlock.
     */
    static SubjectKey readCommitted(EntityManager em, DatabaseSchema schema, String application, UUID subject) {
        List<?> rows = em.createNativeQuery(SELECT + switch (schema) {
            case POSTGRESQL -> " FOR SHARE";
            case MARIADB -> " LOCK IN SHARE MODE";
            case H2 -> "";
        }).setParameter(1, application).setParameter(2, subject).getResultList();
        if (rows.isEmpty()) {
            throw new OperationalException("The key of subject " + subject + " that a concurrent transaction recorded"
                    + " is gone; try again", null);
        }
        Object[] row = (Object[]) rows.get(0);
        return row[1] == null ? SubjectKey.of(subject, (byte[]) row[0])
                : SubjectKey.shredded(subject, ParkedRows.instant(((Number) row[1]).longValue()));
    }

    static SubjectKey toRecord(SubjectKeyEntity row) {
        return row.shreddedAt() == null ? SubjectKey.of(row.subject(), row.wrappedKey())
                : SubjectKey.shredded(row.subject(), ParkedRows.instant(row.shreddedAt()));
    }
}
