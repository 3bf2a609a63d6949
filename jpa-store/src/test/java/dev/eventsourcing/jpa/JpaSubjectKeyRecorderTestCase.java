package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.persistence.SubjectKey;
import dev.eventsourcing.persistence.SubjectKeyRecorder;
import dev.eventsourcing.persistence.SubjectKeyRecorderTestCase;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The subject-key contract on JPA, with the other node of its concurrency tests on an entity
 * manager factory (a connection pool) of its own; and what the JPA recorder adds: keys are kept
 * per application, and a key or a shredding joins the caller's transaction.
 */
abstract class JpaSubjectKeyRecorderTestCase extends SubjectKeyRecorderTestCase<JpaSubjectKeyRecorder> {

    private static final byte[] KEY = {1, 2, 3, 4, 5, 6, 7, 8};
    private final List<EntityManagerFactory> otherNodes = new ArrayList<>();

    /** The test class's database. */
    protected abstract TestDatabase database();

    @Override
    protected JpaSubjectKeyRecorder createRecorder() {
        try (Connection connection = database().connection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM es_subject_keys");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return recorder("Bank");
    }

    private JpaSubjectKeyRecorder recorder(String application) {
        return new JpaSubjectKeyRecorder(application, database().transactions(), database().strategy());
    }

    @Override
    protected SubjectKeyRecorder sameStore(JpaSubjectKeyRecorder recorder) {
        EntityManagerFactory otherNode = database().openFactory();
        otherNodes.add(otherNode);
        return new JpaSubjectKeyRecorder("Bank", JpaTransactions.resourceLocal(otherNode), database().strategy());
    }

    @AfterEach
    void closeOtherNodes() {
        otherNodes.forEach(TestDatabase::close);
    }

    @Test
    void eachApplicationKeepsItsOwnKeyOfASubject() {
        JpaSubjectKeyRecorder bank = createRecorder();
        JpaSubjectKeyRecorder shop = recorder("Shop");
        UUID subject = UUID.randomUUID();
        bank.insertIfAbsent(subject, KEY);

        assertEquals(Optional.empty(), shop.select(subject));
        shop.shred(subject, Instant.parse("2026-05-04T09:15:00Z"));

        assertArrayEquals(KEY, bank.select(subject).orElseThrow().wrappedKey());
    }

    @Test
    void aKeyMadeInATransactionThatRollsBackIsGoneWithIt() {
        JpaSubjectKeyRecorder recorder = createRecorder();
        UUID subject = UUID.randomUUID();

        assertThrows(IllegalStateException.class, () -> database().transactions().inTransaction(em -> {
            new JpaSubjectKeyRecorder("Bank", JpaTransactions.joining(em), database().strategy())
                    .insertIfAbsent(subject, KEY);
            throw new IllegalStateException("the event's insert failed");
        }));

        assertEquals(Optional.empty(), recorder.select(subject));
    }

    @Test
    void aShreddingCommitsWithTheCallersTransaction() {
        JpaSubjectKeyRecorder recorder = createRecorder();
        UUID subject = UUID.randomUUID();
        recorder.insertIfAbsent(subject, KEY);

        assertThrows(IllegalStateException.class, () -> database().transactions().inTransaction(em -> {
            new JpaSubjectKeyRecorder("Bank", JpaTransactions.joining(em), database().strategy())
                    .shred(subject, Instant.parse("2026-05-04T09:15:00Z"));
            throw new IllegalStateException("recording the shredding failed");
        }));

        SubjectKey kept = recorder.select(subject).orElseThrow();
        assertTrue(!kept.shredded());
        assertArrayEquals(KEY, kept.wrappedKey());
    }

    @Test
    void theShreddingTimeIsKeptToTheMicrosecond() {
        JpaSubjectKeyRecorder recorder = createRecorder();
        UUID subject = UUID.randomUUID();
        Instant at = Instant.parse("2026-05-04T09:15:00.123456Z");

        recorder.shred(subject, at);

        assertEquals(at, recorder.select(subject).orElseThrow().shreddedAt());
    }
}
