package dev.eventsourcing.dcb.application;

import dev.eventsourcing.dcb.DcbConditionFailedException;
import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.dcb.DcbReadResponse;
import dev.eventsourcing.dcb.courses.Course;
import dev.eventsourcing.dcb.courses.CourseDecision;
import dev.eventsourcing.dcb.courses.CourseDecision.StudentJoinedCourse;
import dev.eventsourcing.dcb.courses.Enrolment;
import dev.eventsourcing.dcb.courses.Student;
import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.dcb.domain.Selector;
import dev.eventsourcing.dcb.domain.Slice;
import dev.eventsourcing.dcb.domain.TaggedDecision;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a DCB application's repository does with decisions across several objects on a store of
 * the backend under test: a decision a group triggers carries every id of the group and counts
 * for each, its save fails when any member changed since it was read, and a perspective whose
 * boundary is everything makes any later decision a conflict. Part of
 * {@link DcbApplicationTestCase}; extend that class, not this one.
 */
public abstract class DcbGroupTestCase extends DcbRepositoryTestCase {

    @Test
    void aDecisionAcrossTwoObjectsCarriesBothIdsAndCountsForBoth() {
        Course course = Course.register("Algebra", 10);
        Student student = Student.register("Ada");
        repository().save(course);
        repository().save(student);

        Enrolment enrolment = repository().getGroup(Enrolment.class, course.id(), student.id());
        assertEquals(2, enrolment.lastKnownPosition());
        enrolment.join();
        assertEquals(3, repository().save(enrolment));

        TaggedDecision stored = repository().mapper().toDecision(recorder().read(DcbQuery.all(), 2).events().get(0)).tagged();
        assertEquals(new TaggedDecision(new StudentJoinedCourse(course.id(), student.id()), Set.of(course.id(), student.id())),
                stored);
        assertEquals(List.of(student.id()), repository().get(course.id(), Course.class).students());
        assertEquals(List.of(course.id()), repository().get(student.id(), Student.class).courses());
        assertEquals(3, enrolment.course().lastKnownPosition());
        assertEquals(3, enrolment.student().lastKnownPosition());
    }

    @Test
    void aDecisionAcrossTwoObjectsFailsWhenTheCourseChangedMeanwhile() {
        Course course = Course.register("Algebra", 1);
        Student ada = Student.register("Ada");
        Student bob = Student.register("Bob");
        repository().save(course, ada, bob);

        Enrolment stale = repository().getGroup(Enrolment.class, course.id(), ada.id());
        Enrolment meanwhile = repository().getGroup(Enrolment.class, course.id(), bob.id());
        meanwhile.join();
        repository().save(meanwhile);
        stale.join();
        assertThrows(DcbConditionFailedException.class, () -> repository().save(stale));
        assertEquals(List.of(bob.id()), repository().get(course.id(), Course.class).students());
        assertEquals(List.of(), repository().get(ada.id(), Student.class).courses());
    }

    @Test
    void aDecisionAcrossTwoObjectsFailsWhenTheStudentChangedMeanwhile() {
        Course algebra = Course.register("Algebra", 10);
        Course logic = Course.register("Logic", 10);
        Student ada = Student.register("Ada");
        repository().save(algebra, logic, ada);

        Enrolment stale = repository().getGroup(Enrolment.class, algebra.id(), ada.id());
        Enrolment meanwhile = repository().getGroup(Enrolment.class, logic.id(), ada.id());
        meanwhile.join();
        repository().save(meanwhile);
        stale.join();
        assertThrows(DcbConditionFailedException.class, () -> repository().save(stale));
        assertEquals(List.of(logic.id()), repository().get(ada.id(), Student.class).courses());
        assertEquals(List.of(), repository().get(algebra.id(), Course.class).students());
    }

    @Test
    void aGroupOfObjectsReadAtDifferentTimesStartsAtTheLowestPositionAndAdvancesEachOnlyByWhatItMissed() {
        Course course = Course.register("Algebra", 10);
        Student ada = Student.register("Ada");
        repository().save(course, ada);
        Course early = repository().get(course.id(), Course.class);
        Enrolment elsewhere = repository().getGroup(Enrolment.class, course.id(), ada.id());
        elsewhere.join();
        repository().save(elsewhere);
        Student late = repository().get(ada.id(), Student.class);
        assertEquals(List.of(course.id()), late.courses());

        Enrolment mixed = new Enrolment(early, late);
        assertEquals(2, mixed.lastKnownPosition());
        repository().advance(mixed);
        assertEquals(3, mixed.lastKnownPosition());
        assertEquals(List.of(ada.id()), early.students());
        assertEquals(List.of(course.id()), late.courses());
        assertThrows(IllegalStateException.class, mixed::join);
    }

    @Test
    void aGroupSavesItsMembersOwnDecisionsWithItsOwnInTheOrderTriggered() {
        Course course = Course.register("Algebra", 1);
        Student student = Student.register("Ada");
        repository().save(course, student);
        Enrolment enrolment = repository().getGroup(Enrolment.class, course.id(), student.id());
        enrolment.course().changeCapacity(2);
        enrolment.join();
        assertTrue(enrolment.hasPendingDecisions());
        assertEquals(4, repository().save(enrolment));
        DcbReadResponse stored = recorder().read(DcbQuery.all(), 2);
        assertEquals(List.of("courses.CapacityChanged", "courses.StudentJoinedCourse"),
                stored.events().stream().map(event -> event.event().type()).toList());
    }

    @Test
    void aPerspectiveWhoseBoundaryIsEverythingMakesEverythingTheConditionOfASaveWithOthers() {
        Course course = Course.register("Algebra", 10);
        repository().save(course);
        Everything everything = repository().advance(new Everything());
        repository().save(Course.register("Unrelated", 3));
        course.changeCapacity(12);
        everything.decide();
        assertThrows(DcbConditionFailedException.class, () -> repository().save(course, everything));
        assertEquals(2, recorder().head().getAsLong());
    }

    /** A slice whose boundary selects every decision. */
    static final class Everything extends Slice {
        @Override
        public List<Selector> consistencyBoundary() {
            return List.of();
        }

        @Override
        protected void apply(Decision decision) {
        }

        @Override
        public void execute() {
        }

        void decide() {
            trigger(new CourseDecision.StudentRegistered("student:1", "Ada"), "student:1");
        }
    }
}
