package dev.eventsourcing.cdi.jpa;

import dev.eventsourcing.cdi.dcb.Courses;
import dev.eventsourcing.cdi.dcb.Enrolment;
import dev.eventsourcing.cdi.dcb.Registrar;
import dev.eventsourcing.cdi.support.Deployments;
import dev.eventsourcing.cdi.support.TestDatabase;
import dev.eventsourcing.dcb.DcbConditionFailedException;
import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.system.ReaderStatus;
import dev.eventsourcing.system.Readers;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A DCB application and a projection of its decisions on the JPA backend with asynchronous
 * dispatch, against one database per subclass: decisions and view rows in the same database, each
 * decision projected once across container restarts, a failed handler rolled back with its
 * position.
 */
abstract class JpaDcbProjectionTestCase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<WeldContainer> containers = new ArrayList<>();

    /** The database of the subclass, with the view table created. */
    abstract TestDatabase database();

    @BeforeEach
    void reset() {
        RosterView.FAILURES_LEFT.set(0);
        RosterView.HANDLED.set(0);
    }

    @AfterEach
    void shutdown() {
        containers.stream().filter(WeldContainer::isRunning).forEach(WeldContainer::shutdown);
    }

    private WeldContainer start() {
        WeldContainer container = Deployments.start(Map.of(
                "eventsourcing.persistence.module", "jpa",
                "eventsourcing.jpa.url", database().url(),
                "eventsourcing.jpa.user", database().user(),
                "eventsourcing.projection.poll-interval", "50",
                "eventsourcing.projection.retry-delay", "20"), Registrar.class, RosterView.class);
        containers.add(container);
        return container;
    }

    @Test
    void eachDecisionIsProjectedOnceWithItsRowAcrossARestart() throws Exception {
        WeldContainer first = start();
        Registrar registrar = first.select(Registrar.class).get();
        String course = registrar.register("Algebra", 10);
        for (int i = 1; i <= 5; i++) {
            registrar.join(course, "student:" + i);
        }
        first.shutdown();

        WeldContainer second = start();
        Registrar again = second.select(Registrar.class).get();
        long last = again.join(course, "student:6");
        second.select(Readers.class).get().waitFor("roster-view", "Courses", last, WAIT);

        assertEquals(6, rows(course));
        assertEquals(6, database().count("SELECT COUNT(DISTINCT decision_position) FROM roster_view WHERE course = '" + course + "'"));
    }

    @Test
    void twoNodesFollowingTheSameDecisionsProjectEachOnceBetweenThem() throws Exception {
        WeldContainer one = start();
        WeldContainer other = start();
        Registrar onOne = one.select(Registrar.class).get();
        Registrar onOther = other.select(Registrar.class).get();
        String course = onOne.register("Statistics", 100);
        long last = 0;
        for (int i = 0; i < 20; i++) {
            onOne.join(course, "student:a" + i);
            last = Math.max(last, onOther.join(course, "student:b" + i));
        }

        one.select(Readers.class).get().waitFor("roster-view", "Courses", last, WAIT);
        other.select(Readers.class).get().waitFor("roster-view", "Courses", last, WAIT);

        assertEquals(40, rows(course));
        assertEquals(40, database().count("SELECT COUNT(DISTINCT decision_position) FROM roster_view WHERE course = '"
                + course + "'"));
    }

    @Test
    void aFailedHandlerRollsBackItsViewRowWithItsPositionAndIsRetried() throws Exception {
        RosterView.FAILURES_LEFT.set(2);
        WeldContainer running = start();
        Registrar registrar = running.select(Registrar.class).get();
        String course = registrar.register("Geometry", 10);
        long joined = registrar.join(course, "student:1");

        Readers readers = running.select(Readers.class).get();
        readers.waitFor("roster-view", "Courses", joined, WAIT);

        assertEquals(1, database().count("SELECT COUNT(*) FROM roster_view WHERE decision_position = " + joined));
        ReaderStatus status = readers.statuses().get(0);
        assertFalse(status.failing());
        assertTrue(status.position() >= joined);
    }

    @Test
    void theInvariantOfACourseHoldsInTheDatabaseAndALostRaceStoresNothing() throws Exception {
        WeldContainer running = start();
        Registrar registrar = running.select(Registrar.class).get();
        Courses courses = registrar.courses();
        String course = registrar.register("Topology", 1);
        Enrolment.JoinCourse stale = courses.evaluate(new Enrolment.JoinCourse(course, "student:2"));
        long joined = registrar.join(course, "student:1");
        stale.execute();

        assertThrows(DcbConditionFailedException.class, () -> courses.repository().save(stale));
        assertThrows(IllegalStateException.class, () -> registrar.join(course, "student:3"));
        running.select(Readers.class).get().waitFor("roster-view", "Courses", joined, WAIT);
        assertEquals(1, rows(course));
        assertEquals(2, courses.recorder().read(DcbQuery.of(dev.eventsourcing.dcb.DcbQueryItem.tags(course)), 0)
                .events().size());
    }

    @Test
    void anExecuteInTheCallersTransactionIsStoredAndProjectedOnlyWhenThatTransactionCommits() throws Exception {
        WeldContainer running = start();
        Registrar registrar = running.select(Registrar.class).get();
        Courses courses = registrar.courses();
        String course = registrar.register("Logic", 5);

        assertThrows(IllegalStateException.class, () -> courses.transactions().inNewTransaction(unitOfWork -> {
            courses.execute(new Enrolment.JoinCourse(course, "student:1"));
            throw new IllegalStateException("the caller rolls back");
        }));
        long joined = courses.transactions().inNewTransaction(
                unitOfWork -> courses.execute(new Enrolment.JoinCourse(course, "student:2")));

        running.select(Readers.class).get().waitFor("roster-view", "Courses", joined, WAIT);
        assertEquals(1, rows(course));
        assertEquals(1, database().count("SELECT COUNT(*) FROM roster_view WHERE student = 'student:2' AND course = '"
                + course + "'"));
        assertEquals(2, courses.recorder().read(DcbQuery.of(dev.eventsourcing.dcb.DcbQueryItem.tags(course)), 0)
                .events().size(), "the registration and the committed join");
    }

    private long rows(String course) throws SQLException {
        return database().count("SELECT COUNT(*) FROM roster_view WHERE course = '" + course + "'");
    }
}
