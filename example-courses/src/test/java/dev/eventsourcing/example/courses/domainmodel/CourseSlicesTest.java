package dev.eventsourcing.example.courses.domainmodel;

import dev.eventsourcing.Settings;
import dev.eventsourcing.dcb.domain.TaggedDecision;
import dev.eventsourcing.example.courses.application.CourseSubscriptions;
import dev.eventsourcing.testing.DcbFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.eventsourcing.example.courses.domainmodel.RefusalAssertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Given decisions, when a course or student is registered or a capacity changed, then… */
class CourseSlicesTest {

    private final UUID course = UUID.randomUUID();
    private final UUID ann = UUID.randomUUID();
    private final UUID ben = UUID.randomUUID();

    private static DcbFixture fixture() {
        return DcbFixture.of(new CourseSubscriptions(Settings.empty()));
    }

    @Test
    void registeringACourseDecidesItTaggedWithItsNewId() {
        RegisterCourse register = new RegisterCourse("Algebra", 12);
        UUID id = register.courseId();

        fixture().when(register)
                .then(TaggedDecision.of(new CourseRegistered(id, "Algebra", 12), Course.tag(id)));
    }

    @Test
    void registeringAStudentDecidesItTaggedWithItsNewId() {
        RegisterStudent register = new RegisterStudent("Ann");
        UUID id = register.studentId();

        fixture().when(register)
                .then(TaggedDecision.of(new StudentRegistered(id, "Ann"), Student.tag(id)));
    }

    @Test
    void aCapacityAtTheNumberOfStudentsIsTakenAndTheCourseShowsIt() {
        fixture().given(new CourseRegistered(course, "Logic", 5), Course.tag(course))
                .given(new StudentJoinedCourse(course, ann), Course.tag(course), Student.tag(ann))
                .given(new StudentJoinedCourse(course, ben), Course.tag(course), Student.tag(ben))
                .when(new ChangeCourseCapacity(course, 2))
                .then(TaggedDecision.of(new CourseCapacityChanged(course, 2), Course.tag(course)))
                .thenState(change -> assertEquals(new CourseDetails(course, "Logic", 2, List.of(ann, ben)),
                        change.course()));
    }

    @Test
    void aCapacityBelowTheNumberOfStudentsIsRefused() {
        assertRefused(fixture().given(new CourseRegistered(course, "Logic", 5), Course.tag(course))
                .given(new StudentJoinedCourse(course, ann), Course.tag(course), Student.tag(ann))
                .given(new StudentJoinedCourse(course, ben), Course.tag(course), Student.tag(ben))
                .when(new ChangeCourseCapacity(course, 1)), Refusal.Reason.CAPACITY_BELOW_SUBSCRIPTIONS);
    }

    @Test
    void aStudentWhoLeftNoLongerCountsAgainstANewCapacity() {
        fixture().given(new CourseRegistered(course, "Logic", 5), Course.tag(course))
                .given(new StudentJoinedCourse(course, ann), Course.tag(course), Student.tag(ann))
                .given(new StudentJoinedCourse(course, ben), Course.tag(course), Student.tag(ben))
                .given(new StudentLeftCourse(course, ann), Course.tag(course), Student.tag(ann))
                .when(new ChangeCourseCapacity(course, 1))
                .thenDecisions(new CourseCapacityChanged(course, 1));
    }

    @Test
    void theCapacityOfAnUnknownCourseIsRefused() {
        assertRefused(fixture().when(new ChangeCourseCapacity(course, 3)), Refusal.Reason.COURSE_NOT_FOUND);
    }
}
