package dev.eventsourcing.example.courses.application;

import dev.eventsourcing.Settings;
import dev.eventsourcing.dcb.DcbConditionFailedException;
import dev.eventsourcing.dcb.domain.Slice;
import dev.eventsourcing.example.courses.domainmodel.ChangeCourseCapacity;
import dev.eventsourcing.example.courses.domainmodel.CourseDetails;
import dev.eventsourcing.example.courses.domainmodel.CourseView;
import dev.eventsourcing.example.courses.domainmodel.JoinCourse;
import dev.eventsourcing.example.courses.domainmodel.LeaveCourse;
import dev.eventsourcing.example.courses.domainmodel.Refusal;
import dev.eventsourcing.example.courses.domainmodel.RegisterCourse;
import dev.eventsourcing.example.courses.domainmodel.RegisterStudent;
import dev.eventsourcing.example.courses.domainmodel.Student;
import dev.eventsourcing.example.courses.domainmodel.StudentDetails;
import dev.eventsourcing.example.courses.domainmodel.StudentView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The courses' application on the in-memory store, without a container: commands one after
 * another, reads of both sides, and a decision made on a stale read failing its condition.
 */
class CourseSubscriptionsTest {

    private final CourseSubscriptions application = new CourseSubscriptions(Settings.empty());

    @AfterEach
    void close() {
        application.close();
    }

    @Test
    void aRegisteredCourseReadsBackWithItsTitleCapacityAndNoStudents() {
        UUID course = course("Algebra", 3);

        assertEquals(new CourseDetails(course, "Algebra", 3, List.of()),
                application.evaluate(new CourseView(course)).course());
    }

    @Test
    void joinsAreListedOnBothSidesInTheOrderTheyHappened() {
        UUID course = course("Algebra", 3);
        UUID ann = student("Ann");
        UUID ben = student("Ben");

        application.execute(new JoinCourse(course, ann));
        JoinCourse second = new JoinCourse(course, ben);
        application.execute(second);

        assertEquals(List.of(ann, ben), second.course().students());
        assertEquals(List.of(ann, ben), application.evaluate(new CourseView(course)).course().students());
        assertEquals(new StudentDetails(ann, "Ann", List.of(course)),
                application.evaluate(new StudentView(ann)).student());
    }

    @Test
    void eachRuleRefusesWithItsReasonAndRecordsNothing() {
        UUID full = course("Full", 1);
        UUID open = course("Open", 5);
        UUID ann = student("Ann");
        UUID ben = student("Ben");
        application.execute(new JoinCourse(full, ann));
        long head = application.recorder().head().orElseThrow();

        assertRefused(Refusal.Reason.COURSE_FULL, () -> new JoinCourse(full, ben));
        assertRefused(Refusal.Reason.ALREADY_JOINED, () -> new JoinCourse(full, ann));
        assertRefused(Refusal.Reason.COURSE_NOT_FOUND, () -> new JoinCourse(UUID.randomUUID(), ben));
        assertRefused(Refusal.Reason.STUDENT_NOT_FOUND, () -> new JoinCourse(open, UUID.randomUUID()));
        assertRefused(Refusal.Reason.NOT_JOINED, () -> new LeaveCourse(open, ann));
        assertEquals(head, application.recorder().head().orElseThrow());
    }

    @Test
    void aSixthCourseIsRefusedAndLeavingOneMakesRoomForIt() {
        UUID ann = student("Ann");
        for (int i = 0; i < Student.MAX_COURSES; i++) {
            application.execute(new JoinCourse(course("Course " + i, 10), ann));
        }
        UUID sixth = course("Sixth", 10);

        assertRefused(Refusal.Reason.STUDENT_LIMIT, () -> new JoinCourse(sixth, ann));
        UUID first = application.evaluate(new StudentView(ann)).student().courses().get(0);
        application.execute(new LeaveCourse(first, ann));
        application.execute(new JoinCourse(sixth, ann));
        assertEquals(Student.MAX_COURSES, application.evaluate(new StudentView(ann)).student().courses().size());
    }

    @Test
    void aCapacityBelowTheStudentsIsRefusedAndOneAtTheirNumberIsTaken() {
        UUID course = course("Logic", 5);
        application.execute(new JoinCourse(course, student("Ann")));
        application.execute(new JoinCourse(course, student("Ben")));

        assertRefused(Refusal.Reason.CAPACITY_BELOW_SUBSCRIPTIONS, () -> new ChangeCourseCapacity(course, 1));
        ChangeCourseCapacity two = new ChangeCourseCapacity(course, 2);
        application.execute(two);
        assertEquals(2, two.course().capacity());
        assertRefused(Refusal.Reason.COURSE_FULL, () -> new JoinCourse(course, student("Cid")));
    }

    @Test
    void aJoinDecidedBeforeAnotherJoinOfTheSameCourseWasStoredFailsItsCondition() {
        UUID course = course("Logic", 5);
        UUID ann = student("Ann");
        UUID ben = student("Ben");
        JoinCourse late = new JoinCourse(course, ann);
        application.repository().advance(late);
        late.execute();

        application.execute(new JoinCourse(course, ben));

        assertThrows(DcbConditionFailedException.class, () -> application.repository().save(late));
        assertEquals(List.of(ben), application.evaluate(new CourseView(course)).course().students());
    }

    @Test
    void aCapacityOutsideOneTo10000IsRefusedBeforeAnythingIsRead() {
        UUID course = UUID.randomUUID();

        assertThrows(IllegalArgumentException.class, () -> new RegisterCourse("Zero", 0));
        assertThrows(IllegalArgumentException.class, () -> new RegisterCourse("Huge", 10_001));
        assertThrows(IllegalArgumentException.class, () -> new ChangeCourseCapacity(course, 0));
    }

    private UUID course(String title, int capacity) {
        RegisterCourse register = new RegisterCourse(title, capacity);
        application.execute(register);
        return register.courseId();
    }

    private UUID student(String name) {
        RegisterStudent register = new RegisterStudent(name);
        application.execute(register);
        return register.studentId();
    }

    private void assertRefused(Refusal.Reason reason, Supplier<Slice> slice) {
        Refusal refusal = assertThrows(Refusal.class, () -> application.execute(slice.get()));
        assertEquals(reason, refusal.reason(), refusal.getMessage());
    }
}
