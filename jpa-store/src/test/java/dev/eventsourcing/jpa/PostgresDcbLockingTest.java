package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.dcb.DcbAppendCondition;
import dev.eventsourcing.dcb.DcbConditionFailedException;
import dev.eventsourcing.dcb.DcbEvent;
import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.dcb.DcbQueryItem;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What PostgreSQL's DCB appends add to the contract: while one writer's transaction is open, a
 * writer on a disjoint boundary goes through at once, a writer on the same boundary waits and
 * then fails, and so does one whose condition names a tag the open writer adds although it adds
 * no such tag itself. And a read by tag is served by index scans alone.
 */
class PostgresDcbLockingTest {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql();

    private final ExecutorService others = Executors.newCachedThreadPool();
    private final JpaDcbRecorder recorder =
            new JpaDcbRecorder(TestDatabase.uniqueName("dcb"), DATABASE.transactions(), DATABASE.strategy());

    @AfterEach
    void stopOthers() throws InterruptedException {
        others.shutdownNow();
        assertTrue(others.awaitTermination(10, TimeUnit.SECONDS));
    }

    private static DcbEvent event(String type, String... tags) {
        return DcbEvent.of(type, type.getBytes(StandardCharsets.UTF_8), Set.of(tags));
    }

    private static DcbAppendCondition noneAfter(String tag, long after) {
        return new DcbAppendCondition(DcbQuery.of(DcbQueryItem.tags(tag)), after);
    }

    /** Runs the work in a transaction that stays open until the work returns, then commits it. */
    private void inOpenTransaction(Consumer<JpaDcbRecorder> work) {
        EntityManager em = DATABASE.factory().createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(new JpaDcbRecorder(recorder.applicationName(), JpaTransactions.joining(em), DATABASE.strategy()));
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }

    private Future<Boolean> tryAppend(DcbEvent event, DcbAppendCondition condition) {
        return others.submit(() -> {
            try {
                recorder.append(List.of(event), condition);
                return true;
            } catch (DcbConditionFailedException expected) {
                return false;
            }
        });
    }

    @Test
    void whileAWriterIsOpenADisjointBoundaryGoesThroughAndTheSameBoundaryWaitsAndThenFails() {
        List<Future<Boolean>> same = new ArrayList<>();
        inOpenTransaction(open -> {
            open.append(List.of(event("joined", "course:1", "student:1")), noneAfter("course:1", 0));

            assertTrue(get(tryAppend(event("joined", "course:2", "student:2"), noneAfter("course:2", 0)), 5),
                    "a disjoint boundary does not wait");
            same.add(tryAppend(event("joined", "course:1", "student:3"), noneAfter("course:1", 0)));
            assertThrows(TimeoutException.class, () -> same.get(0).get(300, TimeUnit.MILLISECONDS), "the same boundary waits");
        });
        assertFalse(get(same.get(0), 5), "and fails once the open writer has committed");
        assertEquals(List.of("course:1", "course:2"), recorder.read(DcbQuery.all(), 0).events().stream()
                .map(e -> e.event().tags().stream().filter(t -> t.startsWith("course")).findFirst().orElseThrow()).toList());
    }

    @Test
    void aConditionOnATagTheWriterDoesNotAddWaitsForAnOpenWriterOfThatTagAndFails() {
        List<Future<Boolean>> watcher = new ArrayList<>();
        inOpenTransaction(open -> {
            open.append(List.of(event("registered", "course:1")));

            long after = recorder.read(DcbQuery.of(DcbQueryItem.tags("course:1")), 0).after();
            watcher.add(tryAppend(event("noted", "audit"), noneAfter("course:1", after)));
            assertThrows(TimeoutException.class, () -> watcher.get(0).get(300, TimeUnit.MILLISECONDS));
        });
        assertFalse(get(watcher.get(0), 5), "the condition saw the event committed meanwhile");
    }

    @Test
    void aReadByTagIsServedByIndexScansAlone() throws SQLException {
        for (int batch = 0; batch < 4; batch++) {
            int first = batch * 5000;
            recorder.append(IntStream.range(first, first + 5000)
                    .mapToObj(n -> event("Type" + n % 5, "student:" + n % 2000, "course:" + n % 50)).toList());
        }
        DcbQuery query = DcbQuery.of(DcbQueryItem.of(Set.of("Type1", "Type2"), Set.of("student:7", "course:7")),
                DcbQueryItem.tags("student:8"));
        NativeSql read = DcbSelects.events(recorder.applicationName(), query, 0, Long.MAX_VALUE, -1, DcbSelects.Join.LATERAL);

        String plan = explain(read);

        assertFalse(plan.contains("Seq Scan"), plan);
        assertTrue(plan.contains("es_dcb_tags_pk") && plan.contains("es_dcb_events_pk"), plan);
        // The recorder's application is new, so event n has position n + 1.
        assertEquals(IntStream.range(0, 10).mapToObj(i -> 8L + 2000L * i).toList(),
                recorder.read(DcbQuery.of(DcbQueryItem.tags("student:7")), 0).events().stream().map(e -> e.position()).toList());
    }

    private static String explain(NativeSql read) throws SQLException {
        List<Object> parameters = read.parameters();
        try (Connection connection = DATABASE.connection();
             PreparedStatement statement = connection.prepareStatement("EXPLAIN " + read.toString().replaceAll("\\?\\d+", "?"))) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private static boolean get(Future<Boolean> future, int seconds) {
        try {
            return future.get(seconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("The other writer did not finish in " + seconds + " s", e);
        }
    }
}
