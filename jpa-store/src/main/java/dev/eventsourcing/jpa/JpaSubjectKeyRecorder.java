package dev.eventsourcing.jpa;

import dev.eventsourcing.jpa.entity.SubjectKeyEntity;
import dev.eventsourcing.jpa.entity.SubjectKeyId;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.OperationalException;
import dev.eventsourcing.persistence.RecorderException;
import dev.eventsourcing.persistence.SubjectKey;
import dev.eventsourcing.persistence.SubjectKeyRecorder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link SubjectKeyRecorder} on JPA: the subject keys of one application in
 * {@code es_subject_keys}, keyed by (application, subject).
 *
 * <p>Each call is one unit of work of the given {@link JpaTransactions}, so it joins the caller's
 * transaction: a key made for an event commits or rolls back with the event, and a shredding
 * with the event that records it.
 *
 * <p>A first key is inserted by a statement that leaves a row recorded meanwhile alone (see
 * {@code SubjectKeyRows}); when it inserted nothing, the row another writer committed is read
 * with a shared lock, which reads the latest committed row also under MariaDB's repeatable read. A
 * shredding locks the row ({@code SELECT ... FOR UPDATE}) before it deletes the key, so that
 * of two concurrent shreddings of one subject exactly one reports that it shredded it. Every
 * failure arrives as a {@link RecorderException}; no message carries a key.
 */
public class JpaSubjectKeyRecorder implements SubjectKeyRecorder {

    private static final String SELECT_ALL = """
            SELECT e FROM SubjectKeyEntity e WHERE e.applicationName = :application
            ORDER BY e.applicationName, e.subject""";
    private static final String SELECT_AFTER = """
            SELECT e FROM SubjectKeyEntity e WHERE e.applicationName = :application AND e.subject > :after
            ORDER BY e.applicationName, e.subject""";
    // Native, so that the key is replaced only if it is still the one expected and not shredded,
    // in one statement; the subject is bound as text and cast, as every database does alike.
    private static final String REPLACE_WRAPPED_KEY = """
            UPDATE es_subject_keys SET wrapped_key = ?1
            WHERE application_name = ?2 AND subject_id = CAST(?3 AS UUID) AND shredded_at IS NULL AND wrapped_key = ?4""";

    private final String applicationName;
    private final JpaTransactions transactions;
    private final DatabaseStrategy database;

    /**
     * @param applicationName the application whose subjects' keys this recorder keeps
     * @param transactions    how units of work get an entity manager and a transaction
     * @param database        the database, whose statement inserts a key
     */
    public JpaSubjectKeyRecorder(String applicationName, JpaTransactions transactions, DatabaseStrategy database) {
        this.applicationName = Objects.requireNonNull(applicationName, "applicationName");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<SubjectKey> select(UUID subject) {
        SubjectKeyId id = id(subject);
        return run("Reading the key of subject " + subject + " of " + applicationName,
                em -> Optional.ofNullable(em.find(SubjectKeyEntity.class, id)).map(SubjectKeyRows::toRecord));
    }

    @Override
    public SubjectKey insertIfAbsent(UUID subject, byte[] wrappedKey) {
        SubjectKey key = SubjectKey.of(subject, wrappedKey);
        return retriedOnH2Race(() -> run("Recording the key of subject " + subject + " of " + applicationName, em -> {
            SubjectKeyEntity row = em.find(SubjectKeyEntity.class, id(subject));
            if (row != null) {
                return SubjectKeyRows.toRecord(row);
            }
            if (SubjectKeyRows.insertIfAbsent(em, database.schema(), applicationName, key)) {
                return key;
            }
            return SubjectKeyRows.readCommitted(em, database.schema(), applicationName, subject);
        }));
    }

    @Override
    public boolean shred(UUID subject, Instant at) {
        SubjectKey tombstone = SubjectKey.shredded(subject, at);
        long time = ParkedRows.micros(at);
        return retriedOnH2Race(() -> run("Shredding subject " + subject + " of " + applicationName, em -> {
            SubjectKeyEntity row = em.find(SubjectKeyEntity.class, id(subject), LockModeType.PESSIMISTIC_WRITE);
            if (row == null) {
                if (SubjectKeyRows.insertIfAbsent(em, database.schema(), applicationName, tombstone)) {
                    return true;
                }
                row = committedByAnother(em, subject);
            }
            if (row.shreddedAt() != null) {
                return false;
            }
            row.shred(time);
            em.flush();
            return true;
        }));
    }

    @Override
    public List<SubjectKey> selectAll(UUID after, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("The limit must not be negative, was " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        return run("Reading the subject keys of " + applicationName + " after " + after, em -> {
            TypedQuery<SubjectKeyEntity> query = em.createQuery(after == null ? SELECT_ALL : SELECT_AFTER,
                    SubjectKeyEntity.class).setParameter("application", applicationName).setMaxResults(limit);
            if (after != null) {
                query.setParameter("after", after);
            }
            return query.getResultList().stream().map(SubjectKeyRows::toRecord).toList();
        });
    }

    @Override
    public boolean replaceWrappedKey(UUID subject, byte[] expected, byte[] rewrapped) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(rewrapped, "rewrapped");
        return run("Replacing the wrapped key of subject " + subject + " of " + applicationName,
                em -> em.createNativeQuery(REPLACE_WRAPPED_KEY)
                        .setParameter(1, rewrapped)
                        .setParameter(2, applicationName)
                        .setParameter(3, subject.toString())
                        .setParameter(4, expected)
                        .executeUpdate() == 1);
    }

    // The row that a concurrent writer inserted while this one's insert waited, locked to be changed.
    private SubjectKeyEntity committedByAnother(EntityManager em, UUID subject) {
        SubjectKeyEntity row = em.find(SubjectKeyEntity.class, id(subject), LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw new OperationalException("The key of subject " + subject + " that a concurrent transaction recorded"
                    + " is gone; try again", null);
        }
        return row;
    }

    // On H2 the losing insert of a race fails on the primary key (see SubjectKeyRows). When each
    // call is a transaction of its own, the winner's row is committed by then: run again, once.
    private <T> T retriedOnH2Race(Supplier<T> call) {
        try {
            return call.get();
        } catch (IntegrityException e) {
            if (database.schema() != DatabaseSchema.H2 || !transactions.ownsTransactions()) {
                throw e;
            }
            return call.get();
        }
    }

    private SubjectKeyId id(UUID subject) {
        return new SubjectKeyId(applicationName, Objects.requireNonNull(subject, "subject"));
    }

    private <T> T run(String operation, Function<EntityManager, T> work) {
        return JpaExceptions.inTransaction(transactions, operation, work);
    }

    @Override
    public String toString() {
        return "JpaSubjectKeyRecorder[" + applicationName + ", " + database + "]";
    }
}
