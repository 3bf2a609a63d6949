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
import dev.eventsourcing.dcb.inmemory.InMemoryDcbRecorder;
import dev.eventsourcing.persistence.Mapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DcbRepositoryTest {

    private final InMemoryDcbRecorder recorder = new InMemoryDcbRecorder();
    private final DcbRepository repository = new DcbRepository(recorder, new DcbMapper(Mapper.create()));

    @Test
    void aNewEnduringObjectIsSavedWithItsIdAsTagAndGotBackFromIt() {
        Course course = Course.register("Algebra", 10);
        assertEquals(1, repository.save(course));
        assertEquals(1, course.lastKnownPosition());
        assertFalse(course.hasPendingDecisions());

        Course again = repository.get(course.id(), Course.class);
        assertEquals("Algebra", again.title());
        assertEquals(10, again.capacity());
        assertEquals(1, again.lastKnownPosition());
        assertEquals(Set.of(course.id()), recorder.read(DcbQuery.all(), 0).events().get(0).event().tags());
        assertEquals("courses.CourseRegistered", recorder.read(DcbQuery.all(), 0).events().get(0).event().type());
    }

    @Test
    void anObjectSavedAgainAppendsAfterItsOwnDecisions() {
        Course course = Course.register("Algebra", 10);
        repository.save(course);
        course.changeCapacity(12);
        assertEquals(2, repository.save(course));
        assertEquals(12, repository.get(course.id(), Course.class).capacity());
    }

    @Test
    void anObjectNoDecisionIsTaggedWithIsNotFound() {
        EnduringObjectNotFoundException e = assertThrows(EnduringObjectNotFoundException.class,
                () -> repository.get("course:none", Course.class));
        assertEquals("course:none", e.id());
        assertEquals("No Course with id 'course:none': no decision is tagged with it", e.getMessage());
    }

    @Test
    void aSecondObjectCreatedUnderATakenIdIsRefused() {
        repository.save(Course.register("course:1", "Algebra", 10));
        Course twin = Course.register("course:1", "Geometry", 20);
        assertThrows(DcbConditionFailedException.class, () -> repository.save(twin));
        assertEquals(1, recorder.head().getAsLong());
        assertEquals("Algebra", repository.get("course:1", Course.class).title());
    }

    @Test
    void savingNothingAppendsNothingAndGivesTheLastKnownPosition() {
        Course course = Course.register("Algebra", 10);
        repository.save(course);
        assertEquals(1, repository.save(course));
        assertEquals(0, repository.save());
        assertEquals(1, recorder.head().getAsLong());
    }

    @Test
    void aDecisionAcrossTwoObjectsCarriesBothIdsAndCountsForBoth() {
        Course course = Course.register("Algebra", 10);
        Student student = Student.register("Ada");
        repository.save(course);
        repository.save(student);

        Enrolment enrolment = repository.getGroup(Enrolment.class, course.id(), student.id());
        assertEquals(2, enrolment.lastKnownPosition());
        enrolment.join();
        assertEquals(3, repository.save(enrolment));

        TaggedDecision stored = repository.mapper().toDecision(recorder.read(DcbQuery.all(), 2).events().get(0)).tagged();
        assertEquals(new TaggedDecision(new StudentJoinedCourse(course.id(), student.id()), Set.of(course.id(), student.id())),
                stored);
        assertEquals(List.of(student.id()), repository.get(course.id(), Course.class).students());
        assertEquals(List.of(course.id()), repository.get(student.id(), Student.class).courses());
        assertEquals(3, enrolment.course().lastKnownPosition());
        assertEquals(3, enrolment.student().lastKnownPosition());
    }

    @Test
    void aDecisionAcrossTwoObjectsFailsWhenTheCourseChangedMeanwhile() {
        Course course = Course.register("Algebra", 1);
        Student ada = Student.register("Ada");
        Student bob = Student.register("Bob");
        repository.save(course, ada, bob);

        Enrolment stale = repository.getGroup(Enrolment.class, course.id(), ada.id());
        Enrolment meanwhile = repository.getGroup(Enrolment.class, course.id(), bob.id());
        meanwhile.join();
        repository.save(meanwhile);
        stale.join();
        assertThrows(DcbConditionFailedException.class, () -> repository.save(stale));
        assertEquals(List.of(bob.id()), repository.get(course.id(), Course.class).students());
    }

    @Test
    void aDecisionAcrossTwoObjectsFailsWhenTheStudentChangedMeanwhile() {
        Course algebra = Course.register("Algebra", 10);
        Course logic = Course.register("Logic", 10);
        Student ada = Student.register("Ada");
        repository.save(algebra, logic, ada);

        Enrolment stale = repository.getGroup(Enrolment.class, algebra.id(), ada.id());
        Enrolment meanwhile = repository.getGroup(Enrolment.class, logic.id(), ada.id());
        meanwhile.join();
        repository.save(meanwhile);
        stale.join();
        assertThrows(DcbConditionFailedException.class, () -> repository.save(stale));
        assertEquals(List.of(logic.id()), repository.get(ada.id(), Student.class).courses());
    }

    @Test
    void getManyReadsOnceAndRoutesEachDecisionToTheObjectsWhoseIdsItCarries() {
        Course algebra = Course.register("Algebra", 10);
        Course geometry = Course.register("Geometry", 10);
        Student ada = Student.register("Ada");
        repository.save(algebra, geometry, ada);
        Enrolment enrolment = repository.getGroup(Enrolment.class, geometry.id(), ada.id());
        enrolment.join();
        repository.save(enrolment);

        CountingRecorder counting = new CountingRecorder(recorder);
        DcbRepository counted = new DcbRepository(counting, repository.mapper());
        List<Course> courses = counted.getMany(Course.class, algebra.id(), geometry.id());
        assertEquals(1, counting.afters().size());
        assertEquals(3, counting.returned());
        assertEquals(List.of("Algebra", "Geometry"), courses.stream().map(Course::title).toList());
        assertEquals(List.of(), courses.get(0).students());
        assertEquals(List.of(ada.id()), courses.get(1).students());
        assertEquals(List.of(4L, 4L), courses.stream().map(Course::lastKnownPosition).toList());
        EnduringObjectNotFoundException missing = assertThrows(EnduringObjectNotFoundException.class,
                () -> counted.getMany(Course.class, algebra.id(), "course:none"));
        assertEquals("course:none", missing.id());
        assertThrows(IllegalArgumentException.class, () -> counted.getMany(Course.class, algebra.id(), algebra.id()));
    }

    @Test
    void advanceReadsOnlyWhatIsNewAfterTheLastKnownPosition() {
        Course course = Course.register("Algebra", 10);
        repository.save(course);
        repository.save(Course.register("Unrelated", 3));
        Course copy = repository.get(course.id(), Course.class);
        assertEquals(2, copy.lastKnownPosition());

        course.changeCapacity(20);
        repository.save(course);
        repository.save(Course.register("Unrelated too", 3));

        CountingRecorder counting = new CountingRecorder(recorder);
        DcbRepository counted = new DcbRepository(counting, repository.mapper());
        counted.advance(copy);
        assertEquals(List.of(2L), counting.afters());
        assertEquals(1, counting.returned());
        assertEquals(20, copy.capacity());
        assertEquals(4, copy.lastKnownPosition());

        counted.advance(copy);
        assertEquals(List.of(2L, 4L), counting.afters());
        assertEquals(1, counting.returned());
        assertEquals(20, copy.capacity());
    }

    @Test
    void aPerspectiveWithDecisionsNotYetSavedIsNotAdvancedPastWhatTheyWereDecidedOn() {
        Course course = Course.register("Algebra", 10);
        repository.save(course);
        Course copy = repository.get(course.id(), Course.class);
        course.changeCapacity(12);
        repository.save(course);
        copy.changeCapacity(8);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> repository.advance(copy));
        assertEquals("Course[id=" + course.id() + ", lastKnownPosition=1] has decisions that were not saved, made on"
                + " what it read up to position 1: save them first, or read it anew", e.getMessage());
        assertThrows(DcbConditionFailedException.class, () -> repository.save(copy));
    }

    @Test
    void aGroupOfObjectsReadAtDifferentTimesStartsAtTheLowestPositionAndAdvancesEachOnlyByWhatItMissed() {
        Course course = Course.register("Algebra", 10);
        Student ada = Student.register("Ada");
        repository.save(course, ada);
        Course early = repository.get(course.id(), Course.class);
        Enrolment elsewhere = repository.getGroup(Enrolment.class, course.id(), ada.id());
        elsewhere.join();
        repository.save(elsewhere);
        Student late = repository.get(ada.id(), Student.class);
        assertEquals(List.of(course.id()), late.courses());

        Enrolment mixed = new Enrolment(early, late);
        assertEquals(2, mixed.lastKnownPosition());
        repository.advance(mixed);
        assertEquals(3, mixed.lastKnownPosition());
        assertEquals(List.of(ada.id()), early.students());
        assertEquals(List.of(course.id()), late.courses());
        assertThrows(IllegalStateException.class, mixed::join);
    }

    @Test
    void aGroupSavesItsMembersOwnDecisionsWithItsOwnInTheOrderTriggered() {
        Course course = Course.register("Algebra", 1);
        Student student = Student.register("Ada");
        repository.save(course, student);
        Enrolment enrolment = repository.getGroup(Enrolment.class, course.id(), student.id());
        enrolment.course().changeCapacity(2);
        enrolment.join();
        assertTrue(enrolment.hasPendingDecisions());
        assertEquals(4, repository.save(enrolment));
        DcbReadResponse stored = recorder.read(DcbQuery.all(), 2);
        assertEquals(List.of("courses.CapacityChanged", "courses.StudentJoinedCourse"),
                stored.events().stream().map(event -> event.event().type()).toList());
    }

    @Test
    void aGroupNeedsAConstructorTakingOneObjectPerId() {
        Course course = Course.register("Algebra", 1);
        repository.save(course);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> repository.getGroup(Enrolment.class, course.id()));
        assertTrue(e.getMessage().contains("needs exactly one constructor taking 1 enduring objects"), e.getMessage());
    }

    @Test
    void aPerspectiveWhoseBoundaryIsEverythingMakesEverythingTheConditionOfASaveWithOthers() {
        Course course = Course.register("Algebra", 10);
        repository.save(course);
        Everything everything = repository.advance(new Everything());
        repository.save(Course.register("Unrelated", 3));
        course.changeCapacity(12);
        everything.decide();
        assertThrows(DcbConditionFailedException.class, () -> repository.save(course, everything));
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

    @Test
    void perspectivesSavedTogetherAreAppendedAtOnceInTheOrderTriggered() {
        Course course = Course.register("Algebra", 10);
        Student student = Student.register("Ada");
        assertEquals(2, repository.save(student, course));
        assertEquals(2, course.lastKnownPosition());
        assertEquals(2, student.lastKnownPosition());
        assertEquals(List.of(CourseDecision.CourseRegistered.class, CourseDecision.StudentRegistered.class),
                recorder.read(DcbQuery.all(), 0).events().stream()
                        .map(event -> repository.mapper().toDecision(event).decision().getClass()).toList());
    }
}
