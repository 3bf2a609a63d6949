package dev.eventsourcing.system.dcb;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.dcb.application.SequencedDecision;
import dev.eventsourcing.persistence.ParkedNotification;
import dev.eventsourcing.system.MultiThreadedRunner;
import dev.eventsourcing.system.ReaderStatus;
import dev.eventsourcing.system.dcb.Enrolment.Courses;
import dev.eventsourcing.system.dcb.Enrolment.Joined;
import dev.eventsourcing.system.dcb.Enrolment.Registered;
import dev.eventsourcing.system.fixtures.Bank;
import dev.eventsourcing.system.fixtures.ModelDatabase;
import dev.eventsourcing.system.fixtures.SharedInMemory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A projection follows a DCB application's decisions through the runner, exactly once and in order. */
class DcbProjectionTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Courses courses = new Courses();
    private final SharedInMemory store = new SharedInMemory();
    private ScheduledExecutorService executor;
    private MultiThreadedRunner runner;

    @AfterEach
    void stop() {
        if (runner != null) {
            runner.stop();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
        courses.close();
    }

    private MultiThreadedRunner synchronous(RecordingDcbProjection projection, Map<String, String> settings) {
        runner = MultiThreadedRunner.builder().application(courses).projection(projection, "Courses")
                .infrastructure(store).settings(Settings.of(settings)).synchronous().build();
        runner.start();
        return runner;
    }

    private MultiThreadedRunner onExecutor(RecordingDcbProjection projection) {
        executor = Executors.newScheduledThreadPool(2);
        runner = MultiThreadedRunner.builder().application(courses).projection(projection, "Courses")
                .infrastructure(store).settings(Settings.of(Map.of("projection.poll-interval", "50")))
                .executor(executor).build();
        runner.start();
        return runner;
    }

    @Test
    void aSynchronousRunnerHasProjectedEachDecisionWithItsTagsAndPositionWhenExecuteReturns() {
        RecordingDcbProjection rosters = new RecordingDcbProjection("rosters");
        synchronous(rosters, Map.of());

        courses.register("student:1", "Ada");
        long joined = courses.join("course:1", "student:1");

        List<SequencedDecision> handled = rosters.handled();
        assertEquals(List.of(1L, 2L), rosters.positions());
        assertEquals(new Registered("student:1", "Ada"), handled.get(0).decision());
        assertEquals(Set.of("student:1"), handled.get(0).tags());
        assertEquals(new Joined("course:1", "student:1"), handled.get(1).decision());
        assertEquals(Set.of("course:1", "student:1"), handled.get(1).tags());
        assertEquals(2, joined);
    }

    @Test
    void aRunnerOnAnExecutorProjectsEachDecisionOnceAndResumesAfterARestartFromItsRecordedPosition() {
        RecordingDcbProjection rosters = new RecordingDcbProjection("rosters");
        onExecutor(rosters);
        for (int i = 1; i <= 20; i++) {
            courses.register("student:" + i, "Student " + i);
        }
        runner.waitFor("rosters", "Courses", 20, WAIT);
        runner.stop();
        long last = courses.join("course:1", "student:1");

        runner.start();
        runner.waitUntilCaughtUp(WAIT);

        assertEquals(21, last);
        assertEquals(java.util.stream.LongStream.rangeClosed(1, 21).boxed().toList(), rosters.positions());
    }

    @Test
    void twoRunnersSharingTheStoreProjectEachDecisionOnceBetweenThem() {
        executor = Executors.newScheduledThreadPool(4);
        SharedInMemory database = new SharedInMemory(new ModelDatabase());
        RecordingDcbProjection onOne = new RecordingDcbProjection("rosters");
        RecordingDcbProjection onOther = new RecordingDcbProjection("rosters");
        MultiThreadedRunner one = node(onOne, database);
        MultiThreadedRunner other = node(onOther, database);
        try {
            for (int i = 1; i <= 50; i++) {
                courses.register("student:" + i, "Student " + i);
            }
            one.waitFor("rosters", "Courses", 50, WAIT);
            other.waitFor("rosters", "Courses", 50, WAIT);

            List<Long> both = new java.util.ArrayList<>(onOne.positions());
            both.addAll(onOther.positions());
            assertEquals(java.util.stream.LongStream.rangeClosed(1, 50).boxed().toList(), both.stream().sorted().toList());
        } finally {
            one.stop();
            other.stop();
        }
    }

    private MultiThreadedRunner node(RecordingDcbProjection projection, SharedInMemory database) {
        MultiThreadedRunner node = MultiThreadedRunner.builder().application(courses).projection(projection, "Courses")
                .infrastructure(database).settings(Settings.of(Map.of("projection.poll-interval", "20",
                        "projection.batch-size", "3"))).executor(executor).build();
        node.start();
        return node;
    }

    @Test
    void decisionsRecordedBeforeTheRunnerStartsAreCaughtUpAtStart() {
        courses.register("student:1", "Ada");
        courses.register("student:2", "Grace");
        RecordingDcbProjection rosters = new RecordingDcbProjection("rosters");

        synchronous(rosters, Map.of());

        assertEquals(List.of(1L, 2L), rosters.positions());
    }

    @Test
    void decisionsOfTypesTheProjectionDoesNotObserveArePassedOverAndThePositionMovesPastThem() {
        RecordingDcbProjection joins = new RecordingDcbProjection("joins", Joined.class);
        synchronous(joins, Map.of());

        courses.register("student:1", "Ada");
        courses.join("course:1", "student:1");
        courses.register("student:2", "Grace");

        assertEquals(List.of(2L), joins.positions());
        ReaderStatus status = runner.statuses().get(0);
        assertEquals("joins", status.reader());
        assertEquals("Courses", status.upstream());
        assertEquals(3, status.position());
        assertEquals(3, status.logEnd());
    }

    @Test
    void aDecisionThatKeepsFailingIsParkedWithoutHoldingUpTheOthersAndARetryProcessesIt() {
        RecordingDcbProjection rosters = new RecordingDcbProjection("rosters")
                .refusing(decided -> decided.position() == 1);
        synchronous(rosters, Map.of("projection.attempts", "1"));

        courses.register("student:1", "Ada");
        courses.join("course:1", "student:1");

        assertEquals(List.of(2L), rosters.positions());
        List<ParkedNotification> parked = runner.parked("rosters", ParkedNotification.Status.PARKED, 10);
        assertEquals(1, parked.size());
        assertEquals(1, parked.get(0).notificationId());
        assertEquals("Courses", parked.get(0).upstream());
        assertTrue(parked.get(0).error().contains("refused decision 1"), parked.get(0).error());

        rosters.refusing(decided -> false);
        assertEquals(1, runner.retry("rosters", "Courses", 1));
        assertEquals(List.of(2L, 1L), rosters.positions());
        assertEquals(new Registered("student:1", "Ada"), rosters.handled().get(1).decision());
    }

    @Test
    void aDcbProjectionCannotBeDividedIntoSegments() {
        RecordingDcbProjection rosters = new RecordingDcbProjection("rosters");

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> synchronous(rosters, Map.of("rosters.projection.segments", "4")));

        assertTrue(e.getMessage().contains("decisions of the DCB application 'Courses'"), e.getMessage());
        runner = null;
    }

    @Test
    void aDcbProjectionMustFollowADcbApplicationOfTheRunner() {
        RecordingDcbProjection rosters = new RecordingDcbProjection("rosters");
        MultiThreadedRunner.Builder builder = MultiThreadedRunner.builder().application(courses)
                .projection(rosters, "Enrolments").synchronous();

        ConfigurationException e = assertThrows(ConfigurationException.class, builder::build);

        assertTrue(e.getMessage().contains("follows 'Enrolments', which is no DCB application of the runner"),
                e.getMessage());
    }

    @Test
    void aProjectionOfEventsCannotFollowADcbApplication() {
        var balances = new dev.eventsourcing.system.fixtures.RecordingProjection("balances");
        MultiThreadedRunner.Builder builder = MultiThreadedRunner.builder().application(courses)
                .projection(balances, "Courses").synchronous();

        ConfigurationException e = assertThrows(ConfigurationException.class, builder::build);

        assertTrue(e.getMessage().contains("only a DcbProjection receives"), e.getMessage());
    }

    @Test
    void aDcbApplicationMayNotShareItsNameWithAnApplication() {
        Bank bank = new Bank(Settings.empty());
        MultiThreadedRunner.Builder builder = MultiThreadedRunner.builder().application(bank)
                .application(new Courses("Bank")).synchronous();

        ConfigurationException e = assertThrows(ConfigurationException.class, builder::build);

        assertTrue(e.getMessage().contains("Two applications are named 'Bank'"), e.getMessage());
    }
}
