package dev.eventsourcing.dcb.domain;

import dev.eventsourcing.dcb.courses.Course;
import dev.eventsourcing.dcb.courses.CourseDecision;
import dev.eventsourcing.dcb.courses.CourseDecision.CapacityChanged;
import dev.eventsourcing.dcb.courses.CourseDecision.CourseRegistered;
import dev.eventsourcing.dcb.courses.CourseDecision.StudentJoinedCourse;
import dev.eventsourcing.dcb.courses.Enrolment;
import dev.eventsourcing.dcb.courses.JoinCourse;
import dev.eventsourcing.dcb.courses.Student;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerspectiveTest {

    @Test
    void aSelectorMatchesAnyOfItsTypesWithAllOfItsTags() {
        Selector selector = Selector.of(Set.of(CourseRegistered.class, CapacityChanged.class), Set.of("course:1", "x"));
        assertTrue(selector.matches(new CapacityChanged("course:1", 3), Set.of("course:1", "x", "y")));
        assertFalse(selector.matches(new CapacityChanged("course:1", 3), Set.of("course:1")));
        assertFalse(selector.matches(new StudentJoinedCourse("course:1", "s"), Set.of("course:1", "x")));
        assertTrue(Selector.types(CourseDecision.class).matches(new StudentJoinedCourse("c", "s"), Set.of()));
        assertTrue(Selector.of(Set.of(), Set.of()).matches(new StudentJoinedCourse("c", "s"), Set.of()));
    }

    @Test
    void aSelectorRefusesBlankTagsAndTypesThatStandForNoKnownClasses() {
        assertThrows(IllegalArgumentException.class, () -> Selector.tags(" "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Selector.types(Decision.class));
        assertTrue(e.getMessage().contains("must be a concrete decision class or a sealed decision interface"), e.getMessage());
    }

    @Test
    void aCreatedObjectHasItsCreatingDecisionAppliedAndPendingWithItsIdAsTag() {
        Course course = Course.register("course:1", "Algebra", 10);
        assertEquals("course:1", course.id());
        assertEquals(10, course.capacity());
        assertEquals(List.of(Selector.tags("course:1")), course.consistencyBoundary());
        assertEquals(List.of(TaggedDecision.of(new CourseRegistered("course:1", "Algebra", 10), "course:1")),
                course.collectDecisions());
        assertFalse(course.hasPendingDecisions());
        assertEquals(List.of(), course.collectDecisions());
    }

    @Test
    void newIdsNameTheirKindAndAreUnique() {
        String id = EnduringObject.newId("course");
        assertTrue(id.startsWith("course:"), id);
        assertFalse(id.equals(EnduringObject.newId("course")));
        assertThrows(IllegalArgumentException.class, () -> EnduringObject.newId(" "));
    }

    @Test
    void aGroupsDecisionCarriesEveryMembersIdAndIsAppliedToEachOfThem() {
        Course course = Course.register("course:1", "Algebra", 10);
        Student student = Student.register("Ada");
        course.collectDecisions();
        student.collectDecisions();
        Enrolment enrolment = new Enrolment(course, student);
        assertEquals(List.of(Selector.tags("course:1"), Selector.tags(student.id())), enrolment.consistencyBoundary());
        enrolment.join();
        assertEquals(List.of(TaggedDecision.of(new StudentJoinedCourse("course:1", student.id()), "course:1", student.id())),
                enrolment.collectDecisions());
        assertEquals(List.of(student.id()), course.students());
        assertEquals(List.of("course:1"), student.courses());
    }

    @Test
    void aGroupNeedsMembersWithDistinctIds() {
        Course course = Course.register("course:1", "Algebra", 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Group(course, course) { });
        assertEquals("A group cannot have two members with id course:1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Group() { });
    }

    @Test
    void aStoredDecisionAtOrBelowTheLastKnownPositionIsNotAppliedAgain() {
        JoinCourse slice = new JoinCourse("course:1", "student:1");
        TaggedDecision joined = TaggedDecision.of(new StudentJoinedCourse("course:1", "student:2"), "course:1", "student:2");
        Perspectives.fold(slice, joined, 3);
        Perspectives.advancedTo(slice, 3);
        Perspectives.fold(slice, TaggedDecision.of(new StudentJoinedCourse("course:1", "student:3"), "course:1"), 2);
        assertEquals(1, slice.studentsOfCourse());
        Perspectives.advancedTo(slice, 1);
        assertEquals(3, slice.lastKnownPosition());
    }

    @Test
    void aRebuiltObjectStartsEmptyWithItsIdAndABlankIdIsRefused() {
        Course empty = Perspectives.newInstance(Course.class, "course:1");
        assertEquals("course:1", empty.id());
        assertEquals(0, empty.capacity());
        assertEquals(0, empty.lastKnownPosition());
        assertThrows(IllegalArgumentException.class, () -> Perspectives.newInstance(Course.class, " "));
    }
}
