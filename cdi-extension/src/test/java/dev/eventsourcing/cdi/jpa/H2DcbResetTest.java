package dev.eventsourcing.cdi.jpa;

import dev.eventsourcing.cdi.EventStoreReset;
import dev.eventsourcing.cdi.dcb.Registrar;
import dev.eventsourcing.cdi.support.Deployments;
import dev.eventsourcing.cdi.support.TestDatabase;
import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.system.Readers;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Emptying the JPA store of a running deployment of DCB applications only: the decisions, the
 * projection's positions and view are gone, and the same projection processes what is decided next.
 */
class H2DcbResetTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static TestDatabase database;
    private WeldContainer container;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = TestDatabase.h2();
        database.execute(JoinRow.DDL);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.drop();
    }

    @AfterEach
    void undeploy() {
        container.shutdown();
    }

    @Test
    void theDecisionsAndTheViewAreEmptiedAndTheProjectionStartsAgainFromTheBeginning() throws Exception {
        container = Deployments.start(Map.of(
                "eventsourcing.persistence.module", "jpa",
                "eventsourcing.jpa.url", database.url(),
                "eventsourcing.jpa.user", database.user(),
                "eventsourcing.projection.poll-interval", "50",
                "eventsourcing.testing.reset.enabled", "true"), Registrar.class, RosterView.class);
        Registrar registrar = container.select(Registrar.class).get();
        Readers readers = container.select(Readers.class).get();
        String course = registrar.register("Algebra", 5);
        readers.waitFor("roster-view", "Courses", registrar.join(course, "student:1"), TIMEOUT);

        container.select(EventStoreReset.class).get().reset(H2DcbResetTest::deleteView);

        assertTrue(registrar.courses().recorder().read(DcbQuery.all(), 0).events().isEmpty());
        assertEquals(0, database.count("SELECT COUNT(*) FROM roster_view"));
        assertTrue(readers.statuses().stream().allMatch(status -> status.position() == 0), readers.statuses().toString());
        String again = registrar.register("Geometry", 5);
        long joined = registrar.join(again, "student:2");
        readers.waitFor("roster-view", "Courses", joined, TIMEOUT);
        assertEquals(1, database.count("SELECT COUNT(*) FROM roster_view WHERE course = '" + again + "'"));
        assertEquals(1, database.count("SELECT COUNT(*) FROM roster_view"));
    }

    private static void deleteView() {
        try {
            database.execute("DELETE FROM roster_view");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
