package dev.eventsourcing.example.courses.domainmodel;

import dev.eventsourcing.Settings;
import dev.eventsourcing.dcb.domain.TaggedDecision;
import dev.eventsourcing.example.courses.application.CourseSubscriptions;
import dev.eventsourcing.testing.DcbFixture;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.eventsourcing.example.courses.domainmodel.RefusalAssertions.assertRefused;

/** Given decisions, when a student joins or leaves a course, then… */
class SubscriptionSlicesTest {

    private final UUID course = UUID.randomUUID();
    private final UUID ann = UUID.randomUUID();
    private final UUID ben = UUID.randomUUID();

    /** A fixture given the course, of this capacity, and these students, registered. */
    private static DcbFixture registered(UUID course, int capacity, UUID... students) {
        DcbFixture fixture = DcbFixture.of(new CourseSubscriptions(Settings.empty()))
                .given(new CourseRegistered(course, "Logic", capacity), Course.tag(course));
        for (UUID student : students) {
            fixture.given(new StudentRegistered(student, "Student"), Student.tag(student));
        }
        return fixture;
    }

    @Test
    void aJoinIsOneDecisionTaggedWithTheCourseAndTheStudent() {
        registered(course, 2, ann)
                .when(new JoinCourse(course, ann))
                .then(TaggedDecision.of(new StudentJoinedCourse(course, ann), Course.tag(course), Student.tag(ann)));
    }

    @Test
    void aJoinOfAFullCourseIsRefused() {
        assertRefused(registered(course, 1, ann)
                .given(new StudentJoinedCourse(course, ben), Course.tag(course), Student.tag(ben))
                .when(new JoinCourse(course, ann)), Refusal.Reason.COURSE_FULL);
    }

    @Test
    void aPlaceFreedByALeaveCanBeTaken() {
        registered(course, 1, ann)
                .given(new StudentJoinedCourse(course, ben), Course.tag(course), Student.tag(ben))
                .given(new StudentLeftCourse(course, ben), Course.tag(course), Student.tag(ben))
                .when(new JoinCourse(course, ann))
                .thenDecisions(new StudentJoinedCourse(course, ann));
    }

    @Test
    void aSecondJoinOfTheSameCourseIsRefusedEvenWhenItIsFull() {
        assertRefused(registered(course, 1, ann)
                .given(new StudentJoinedCourse(course, ann), Course.tag(course), Student.tag(ann))
                .when(new JoinCourse(course, ann)), Refusal.Reason.ALREADY_JOINED);
    }

    @Test
    void aSixthCourseIsRefusedAndTheOtherCoursesCountThroughTheStudentsTag() {
        DcbFixture fixture = registered(course, 10, ann);
        for (int i = 0; i < Student.MAX_COURSES; i++) {
            UUID other = UUID.randomUUID();
            fixture.given(new StudentJoinedCourse(other, ann), Course.tag(other), Student.tag(ann));
        }

        assertRefused(fixture.when(new JoinCourse(course, ann)), Refusal.Reason.STUDENT_LIMIT);
    }

    @Test
    void aCourseLeftDoesNotCountTowardsTheLimit() {
        DcbFixture fixture = registered(course, 10, ann);
        UUID left = UUID.randomUUID();
        fixture.given(new StudentJoinedCourse(left, ann), Course.tag(left), Student.tag(ann));
        for (int i = 1; i < Student.MAX_COURSES; i++) {
            UUID other = UUID.randomUUID();
            fixture.given(new StudentJoinedCourse(other, ann), Course.tag(other), Student.tag(ann));
        }
        fixture.given(new StudentLeftCourse(left, ann), Course.tag(left), Student.tag(ann));

        fixture.when(new JoinCourse(course, ann)).thenDecisions(new StudentJoinedCourse(course, ann));
    }

    @Test
    void aJoinOfAnUnknownCourseOrByAnUnknownStudentIsRefused() {
        assertRefused(DcbFixture.of(new CourseSubscriptions(Settings.empty()))
                .given(new StudentRegistered(ann, "Ann"), Student.tag(ann))
                .when(new JoinCourse(course, ann)), Refusal.Reason.COURSE_NOT_FOUND);
        assertRefused(registered(course, 3).when(new JoinCourse(course, ann)), Refusal.Reason.STUDENT_NOT_FOUND);
    }

    @Test
    void aLeaveIsOneDecisionTaggedWithTheCourseAndTheStudent() {
        DcbFixture.of(new CourseSubscriptions(Settings.empty()))
                .given(new StudentJoinedCourse(course, ann), Course.tag(course), Student.tag(ann))
                .when(new LeaveCourse(course, ann))
                .then(TaggedDecision.of(new StudentLeftCourse(course, ann), Course.tag(course), Student.tag(ann)));
    }

    @Test
    void leavingACourseNeverJoinedOrLeftAlreadyIsRefused() {
        assertRefused(DcbFixture.of(new CourseSubscriptions(Settings.empty()))
                .when(new LeaveCourse(course, ann)), Refusal.Reason.NOT_JOINED);
        assertRefused(DcbFixture.of(new CourseSubscriptions(Settings.empty()))
                .given(new StudentJoinedCourse(course, ann), Course.tag(course), Student.tag(ann))
                .given(new StudentLeftCourse(course, ann), Course.tag(course), Student.tag(ann))
                .when(new LeaveCourse(course, ann)), Refusal.Reason.NOT_JOINED);
    }
}
