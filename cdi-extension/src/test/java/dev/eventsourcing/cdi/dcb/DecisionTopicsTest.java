package dev.eventsourcing.cdi.dcb;

import dev.eventsourcing.Settings;
import dev.eventsourcing.cdi.support.Deployments;
import dev.eventsourcing.cdi.support.TestConfig;
import dev.eventsourcing.dcb.application.DcbApplication;
import dev.eventsourcing.dcb.application.DcbMapper;
import dev.eventsourcing.dcb.domain.TaggedDecision;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.ParkedNotification;
import dev.eventsourcing.system.MultiThreadedRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every DCB application's mapper knows the decision classes the deployment contains and those its
 * projections observe, also when the application declares none and has written none yet: a
 * projection then passes over the decisions it does not observe instead of parking them as of an
 * unknown type.
 */
class DecisionTopicsTest {

    @Test
    void decisionsWrittenElsewhereOfAScannedClassArePassedOverAndObservedOnesProjected() {
        WeldContainer container = Deployments.start(Map.of(), Desk.class, Rosters.class,
                Enrolment.CourseRegistered.class);
        try {
            Desk desk = container.select(Desk.class).get();
            Rosters rosters = container.select(Rosters.class).get();
            DcbMapper elsewhere = new DcbMapper(Mapper.builder()
                    .declare(Enrolment.CourseRegistered.class, Enrolment.StudentJoined.class).build());

            desk.courses().recorder().append(List.of(
                    elsewhere.toDcbEvent(TaggedDecision.of(new Enrolment.CourseRegistered("course:1", "Logic", 3), "course:1")),
                    elsewhere.toDcbEvent(TaggedDecision.of(new Enrolment.StudentJoined("course:1", "student:1"),
                            "course:1", "student:1"))));
            MultiThreadedRunner runner = container.select(MultiThreadedRunner.class).get();
            runner.catchUp();

            assertEquals(List.of("student:1"), rosters.students("course:1"));
            assertEquals(List.of(), runner.parked("rosters", ParkedNotification.Status.PARKED, 10));
            assertEquals(2, runner.statuses().get(0).position());
        } finally {
            container.shutdown();
            TestConfig.Registrar.release();
        }
    }

    /** A DCB application that declares no decision classes. */
    public static class PlainCourses extends DcbApplication {
        public PlainCourses(Settings settings) {
            super(settings);
        }
    }

    @ApplicationScoped
    public static class Desk {
        @Inject
        PlainCourses courses;

        public PlainCourses courses() {
            return courses;
        }
    }
}
