package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.dcb.DcbAppendCondition;
import dev.eventsourcing.dcb.DcbConditionFailedException;
import dev.eventsourcing.dcb.DcbEvent;
import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.dcb.DcbQueryItem;
import dev.eventsourcing.dcb.DcbRecorderTestCase;
import dev.eventsourcing.persistence.DataException;
import dev.eventsourcing.persistence.IntegrityException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The DCB contract on JPA, and what the JPA recorder adds to it: it joins the caller's
 * transaction, a failed condition or a stored event id logs nothing and leaves the caller's
 * transaction usable, and names longer than the tables hold are refused before anything is
 * written. A reopened recorder gets an entity manager factory (and so a connection pool) of its
 * own, as an application has after a restart.
 */
abstract class JpaDcbRecorderTestCase extends DcbRecorderTestCase<JpaDcbRecorder> {

    @RegisterExtension
    final LoggedProblems logged = new LoggedProblems();

    private final List<EntityManagerFactory> reopened = new CopyOnWriteArrayList<>();

    /** The test class's database. */
    protected abstract TestDatabase database();

    @Override
    protected JpaDcbRecorder createRecorder() {
        return new JpaDcbRecorder(TestDatabase.uniqueName("dcb"), database().transactions(), database().strategy());
    }

    @Override
    protected JpaDcbRecorder reopen(JpaDcbRecorder recorder) {
        EntityManagerFactory factory = database().openFactory();
        reopened.add(factory);
        return new JpaDcbRecorder(recorder.applicationName(), JpaTransactions.resourceLocal(factory), database().strategy());
    }

    @AfterEach
    void closeReopenedFactories() {
        reopened.forEach(TestDatabase::close);
    }

    /** Runs the caller's work in its own transaction, committing or rolling back as told. */
    void asCaller(boolean commit, Consumer<EntityManager> work) {
        EntityManager em = database().factory().createEntityManager();
        try {
            em.getTransaction().begin();
            try {
                work.accept(em);
            } finally {
                if (commit) {
                    em.getTransaction().commit();
                } else {
                    em.getTransaction().rollback();
                }
            }
        } finally {
            em.close();
        }
    }

    /** A recorder of the same application whose units of work join the caller's transaction. */
    static JpaDcbRecorder joined(JpaDcbRecorder recorder, EntityManager em, DatabaseStrategy database) {
        return new JpaDcbRecorder(recorder.applicationName(), JpaTransactions.joining(em), database);
    }

    @Test
    void aDecisionInTheCallersTransactionCommitsWithItAndVanishesWithItsRollback() {
        JpaDcbRecorder recorder = createRecorder();
        DcbQuery boundary = query(item("", "course:1"));

        asCaller(false, em -> decide(joined(recorder, em, database().strategy()), boundary, "rolled back"));
        assertEquals(OptionalLong.empty(), recorder.head());
        assertEquals(List.of(), recorder.read(DcbQuery.all(), 0).events());

        asCaller(true, em -> decide(joined(recorder, em, database().strategy()), boundary, "committed"));
        assertEquals(List.of("committed"), data(recorder.read(boundary, 0)));
    }

    private static void decide(JpaDcbRecorder recorder, DcbQuery boundary, String data) {
        long after = recorder.read(boundary, 0).after();
        recorder.append(List.of(event("decided", data, "course:1")), failIf(boundary, after));
    }

    @Test
    void aFailedConditionInTheCallersTransactionLeavesItFreeToCommitItsOtherWork() {
        JpaDcbRecorder recorder = createRecorder();
        recorder.append(List.of(event("registered", "first", "course:1")));
        logged.clear();

        asCaller(true, em -> {
            JpaDcbRecorder caller = joined(recorder, em, database().strategy());
            assertThrows(DcbConditionFailedException.class, () -> caller.append(List.of(event("registered", "refused", "course:1")),
                    failIf(query(item("", "course:1")), 0)));
            caller.append(List.of(event("noted", "after the refusal", "course:2")), failIf(query(item("", "course:2")), 1));
        });

        assertEquals(List.of("first", "after the refusal"), data(recorder.read(DcbQuery.all(), 0)));
        logged.assertNone();
    }

    @Test
    void aFailedConditionAndAStoredEventIdLogNothingAndLeaveTheStoreAsItWas() {
        JpaDcbRecorder recorder = createRecorder();
        DcbEvent stored = event("registered", "first", "course:1");
        recorder.append(List.of(stored));
        logged.clear();

        assertThrows(DcbConditionFailedException.class, () -> recorder.append(List.of(event("registered", "late", "course:1")),
                failIf(query(item("registered", "course:1")), 0)));
        IntegrityException taken = assertThrows(IntegrityException.class, () -> recorder.append(
                List.of(event("other", "fresh", "course:2"), stored), failIf(query(item("", "course:2")), 1)));
        assertTrue(!(taken instanceof DcbConditionFailedException) && taken.getMessage().contains(stored.id().toString()),
                taken.getMessage());

        assertEquals(OptionalLong.of(1), recorder.head());
        assertEquals(List.of("first"), data(recorder.read(DcbQuery.all(), 0)));
        assertEquals(List.of(), recorder.read(query(item("", "course:2")), 0).events());
        logged.assertNone();
    }

    @Test
    void metadataAndTagsWithQuotesAndNonAsciiTextRoundTrip() {
        JpaDcbRecorder recorder = createRecorder();
        DcbEvent event = new DcbEvent("type \"quoted\"", new byte[] {0, -1, 2}, Set.of("ä,b", "c\"d", "e\\f"), UUID.randomUUID(),
                Map.of("correlation", "x\ny", "ü", "\u0000"));

        recorder.append(List.of(event));

        assertEquals(List.of(event), recorder.read(query(item("", "c\"d", "ä,b")), 0).events().stream()
                .map(sequenced -> sequenced.event()).toList());
    }

    @Test
    void aTypeOrTagLongerThanTheTablesHoldIsRefusedBeforeAnythingIsWritten() {
        JpaDcbRecorder recorder = createRecorder();
        String long256 = "t".repeat(DcbRows.MAX_NAME_LENGTH + 1);

        assertThrows(DataException.class, () -> recorder.append(List.of(event(long256, "d"))));
        assertThrows(DataException.class, () -> recorder.append(List.of(event("t", "d", long256)),
                new DcbAppendCondition(DcbQuery.of(DcbQueryItem.tags("x")), 0)));

        assertEquals(OptionalLong.empty(), recorder.head());
    }
}
