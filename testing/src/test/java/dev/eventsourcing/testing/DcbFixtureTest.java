package dev.eventsourcing.testing;

import dev.eventsourcing.dcb.DcbConditionFailedException;
import dev.eventsourcing.dcb.courses.Course;
import dev.eventsourcing.dcb.courses.CourseDecision.CapacityChanged;
import dev.eventsourcing.dcb.courses.CourseDecision.CourseRegistered;
import dev.eventsourcing.dcb.courses.CourseDecision.StudentJoinedCourse;
import dev.eventsourcing.dcb.courses.CourseDecision.StudentRegistered;
import dev.eventsourcing.dcb.courses.Enrolment;
import dev.eventsourcing.dcb.courses.JoinCourse;
import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.dcb.domain.Selector;
import dev.eventsourcing.dcb.domain.Slice;
import dev.eventsourcing.dcb.domain.TaggedDecision;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The given-when-then fixture of DCB applications: what passes, and what each failure says. */
class DcbFixtureTest {

    private static final String COURSE = "course:1";
    private static final String ADA = "student:ada";
    private static final String BOB = "student:bob";

    private static DcbFixture courseOfOneAndAda() {
        return DcbFixture.of()
                .given(new CourseRegistered(COURSE, "Algebra", 1), COURSE)
                .given(new StudentRegistered(ADA, "Ada"), ADA);
    }

    private static String failure(Runnable check) {
        return assertThrows(AssertionError.class, check::run).getMessage();
    }

    @Test
    void aSlicesNewDecisionWithItsTagsPasses() {
        DcbOutcome<JoinCourse> outcome = courseOfOneAndAda()
                .when(new JoinCourse(COURSE, ADA))
                .then(TaggedDecision.of(new StudentJoinedCourse(COURSE, ADA), COURSE, ADA))
                .thenDecisions(new StudentJoinedCourse(COURSE, ADA))
                .thenState(slice -> assertEquals(1, slice.studentsOfCourse()));
        assertEquals(1, outcome.decisions().size());
    }

    @Test
    void aRefusalPassesByTypeAndMessage() {
        courseOfOneAndAda()
                .given(new StudentJoinedCourse(COURSE, BOB), COURSE, BOB)
                .when(new JoinCourse(COURSE, ADA))
                .thenThrows(IllegalStateException.class)
                .thenThrows(IllegalStateException.class, "course full");
    }

    @Test
    void aGivenDecisionOutsideTheSlicesBoundaryIsNamedWithTheBoundary() {
        String message = failure(() -> courseOfOneAndAda().given(new StudentRegistered(BOB, "Bob"), BOB)
                .when(new JoinCourse(COURSE, ADA)));
        assertEquals("Given decision 3 (CourseDecision.StudentRegistered[studentId=student:bob, name=Bob] tagged"
                + " [student:bob]) lies outside the boundary of slice JoinCourse, which selects:\n"
                + "    types [CapacityChanged, CourseRegistered, StudentJoinedCourse] tags [course:1]\n"
                + "    types [StudentJoinedCourse, StudentRegistered] tags [student:ada]\n"
                + "It would never be read: give only decisions that are read, or widen the boundary.",
                message);
    }

    @Test
    void anotherDecisionIsShownWithBothListsAndTheComponentThatDiffers() {
        String message = failure(() -> DcbFixture.of()
                .given(new CourseRegistered(COURSE, "Algebra", 1), COURSE)
                .given(new StudentRegistered(ADA, "Ada"), ADA)
                .when(new JoinCourse(COURSE, ADA))
                .then(TaggedDecision.of(new StudentJoinedCourse(COURSE, BOB), COURSE, BOB)));
        assertEquals("Expected these decisions:\n"
                + "    1. CourseDecision.StudentJoinedCourse[courseId=course:1, studentId=student:bob] tagged [course:1, student:bob]\n"
                + "but it decided:\n"
                + "    1. CourseDecision.StudentJoinedCourse[courseId=course:1, studentId=student:ada] tagged [course:1, student:ada]\n"
                + "First difference at decision 1: CourseDecision.StudentJoinedCourse differs in studentId expected"
                + " <student:bob> but was <student:ada>", message);
    }

    @Test
    void otherTagsAreShownWhenTheDecisionIsTheSame() {
        String message = failure(() -> DcbFixture.of()
                .given(new CourseRegistered(COURSE, "Algebra", 1), COURSE)
                .given(new StudentRegistered(ADA, "Ada"), ADA)
                .when(new JoinCourse(COURSE, ADA))
                .then(TaggedDecision.of(new StudentJoinedCourse(COURSE, ADA), COURSE)));
        assertTrue(message.endsWith("First difference at decision 1: tags expected [course:1] but were [course:1, student:ada]"),
                message);
    }

    @Test
    void expectingNoDecisionOrARefusalOfASliceThatDecidedShowsWhatItDecided() {
        String none = failure(() -> DcbFixture.of()
                .given(new CourseRegistered(COURSE, "Algebra", 1), COURSE)
                .given(new StudentRegistered(ADA, "Ada"), ADA)
                .when(new JoinCourse(COURSE, ADA))
                .thenNoDecisions());
        assertEquals("Expected no decision, but it decided:\n    1. CourseDecision.StudentJoinedCourse[courseId=course:1,"
                + " studentId=student:ada] tagged [course:1, student:ada]", none);
        String refusal = failure(() -> DcbFixture.of()
                .given(new CourseRegistered(COURSE, "Algebra", 1), COURSE)
                .given(new StudentRegistered(ADA, "Ada"), ADA)
                .when(new JoinCourse(COURSE, ADA))
                .thenThrows(IllegalStateException.class));
        assertTrue(refusal.startsWith("Expected a refusal with java.lang.IllegalStateException, but it succeeded and"
                + " decided:\n    1. CourseDecision.StudentJoinedCourse"), refusal);
    }

    @Test
    void expectingDecisionsOfASliceThatRefusedShowsTheRefusal() {
        String message = failure(() -> DcbFixture.of()
                .given(new CourseRegistered(COURSE, "Algebra", 1), COURSE)
                .when(new JoinCourse(COURSE, ADA))
                .then(TaggedDecision.of(new StudentJoinedCourse(COURSE, ADA), COURSE, ADA)));
        assertTrue(message.endsWith("but it threw java.lang.IllegalArgumentException: student not found: student:ada"), message);
        String wrongMessage = failure(() -> DcbFixture.of()
                .given(new CourseRegistered(COURSE, "Algebra", 1), COURSE)
                .when(new JoinCourse(COURSE, ADA))
                .thenThrows(IllegalArgumentException.class, "course full"));
        assertEquals("Expected a refusal with java.lang.IllegalArgumentException and the message:\n    course full\n"
                + "but its message was:\n    student not found: student:ada", wrongMessage);
    }

    @Test
    void aCommandOnAnEnduringObjectRunsOnTheObjectRebuiltFromItsDecisions() {
        DcbFixture.of()
                .given(new CourseRegistered(COURSE, "Algebra", 10), COURSE)
                .given(new StudentJoinedCourse(COURSE, ADA), COURSE, ADA)
                .when(Course.class, COURSE, course -> course.changeCapacity(12))
                .then(TaggedDecision.of(new CapacityChanged(COURSE, 12), COURSE))
                .thenState(course -> assertEquals(List.of(ADA), course.students()));
        DcbFixture.of()
                .given(new CourseRegistered(COURSE, "Algebra", 10), COURSE)
                .given(new StudentJoinedCourse(COURSE, ADA), COURSE, ADA)
                .when(Course.class, COURSE, course -> course.changeCapacity(0))
                .thenThrows(IllegalStateException.class, "capacity below subscriptions");
    }

    @Test
    void aGivenDecisionThatDoesNotCarryTheObjectsIdIsNamed() {
        String message = failure(() -> DcbFixture.of()
                .given(new CourseRegistered(COURSE, "Algebra", 10), COURSE)
                .given(new StudentRegistered(ADA, "Ada"), ADA)
                .when(Course.class, COURSE, course -> course.changeCapacity(12)));
        assertTrue(message.startsWith("Given decision 2 (CourseDecision.StudentRegistered[studentId=student:ada, name=Ada]"
                + " tagged [student:ada]) lies outside the boundary of Course course:1 (its id as a tag)"), message);
        IllegalStateException nothing = assertThrows(IllegalStateException.class,
                () -> DcbFixture.of().when(Course.class, COURSE, course -> course.changeCapacity(12)));
        assertTrue(nothing.getMessage().startsWith("when(type, id, command) runs a command on an existing Course"));
    }

    @Test
    void aCommandOnAGroupRunsOnItsMembersReadTogetherAndItsDecisionCarriesTheirIds() {
        DcbFixture.of()
                .given(new CourseRegistered(COURSE, "Algebra", 2), COURSE)
                .given(new StudentRegistered(ADA, "Ada"), ADA)
                .whenGroup(Enrolment.class, Enrolment::join, COURSE, ADA)
                .then(TaggedDecision.of(new StudentJoinedCourse(COURSE, ADA), COURSE, ADA))
                .thenState(enrolment -> assertEquals(List.of(ADA), enrolment.course().students()));
        String missing = failure(() -> DcbFixture.of()
                .given(new CourseRegistered(COURSE, "Algebra", 2), COURSE)
                .whenGroup(Enrolment.class, Enrolment::join, COURSE, ADA));
        assertEquals("The given decisions do not rebuild Enrolment: No Student with id 'student:ada': no decision is"
                + " tagged with it", missing);
        String outside = failure(() -> DcbFixture.of()
                .given(new CourseRegistered(COURSE, "Algebra", 2), COURSE)
                .given(new StudentRegistered(BOB, "Bob"), BOB)
                .whenGroup(Enrolment.class, Enrolment::join, COURSE, ADA));
        assertTrue(outside.startsWith("Given decision 2 (CourseDecision.StudentRegistered[studentId=student:bob, name=Bob]"
                + " tagged [student:bob]) lies outside the boundary of Enrolment course:1 and student:ada (their ids as"
                + " tags)"), outside);
    }

    @Test
    void aCreationPassesWithItsDecisionAndFailsUnderAnIdThatIsTaken() {
        DcbFixture.of()
                .whenCreating(() -> Course.register(COURSE, "Algebra", 10))
                .then(TaggedDecision.of(new CourseRegistered(COURSE, "Algebra", 10), COURSE))
                .thenState(course -> assertEquals(10, course.capacity()));
        DcbFixture.of()
                .given(new CourseRegistered(COURSE, "Geometry", 5), COURSE)
                .whenCreating(() -> Course.register(COURSE, "Algebra", 10))
                .thenThrows(DcbConditionFailedException.class);
    }

    @Test
    void aDecisionThatDoesNotSurviveTheMapperFailsNamingIt() {
        String message = failure(() -> DcbFixture.of().when(new Scoring()));
        assertTrue(message.startsWith("The triggered decision 1 does not survive a round trip through the mapper:"),
                message);
        String given = failure(() -> DcbFixture.of().given(new Scored(new int[] {1}), "game:1").when(new Scoring()));
        assertTrue(given.startsWith("The given decision 1 does not survive a round trip through the mapper:"), given);
    }

    @Test
    void decisionsHoldingWhatATestCannotKnowAreCheckedByMatchers() {
        DcbOutcome<Course> created = DcbFixture.of()
                .whenCreating(() -> Course.register("Algebra", 10))
                .thenDecisionsMatch(EventMatcher.of(CourseRegistered.class, "the title Algebra",
                        registered -> registered.title().equals("Algebra")));
        assertTrue(created.perspective().id().startsWith("course:"));
        String message = failure(() -> DcbFixture.of()
                .whenCreating(() -> Course.register("Algebra", 10))
                .thenDecisionsMatch(EventMatcher.of(CapacityChanged.class)));
        assertTrue(message.startsWith("Expected decisions matching:\n    1. any CourseDecision.CapacityChanged\n"
                + "but it decided:\n    1. CourseDecision.CourseRegistered[courseId=course:"), message);
        assertTrue(message.endsWith("\ndecision 1 is not any CourseDecision.CapacityChanged"), message);
    }

    @Test
    void aFixtureRunsOnce() {
        DcbFixture fixture = DcbFixture.of();
        fixture.whenCreating(() -> Course.register(COURSE, "Algebra", 10));
        IllegalStateException again = assertThrows(IllegalStateException.class,
                () -> fixture.whenCreating(() -> Course.register(COURSE, "Algebra", 10)));
        assertEquals("This fixture ran already: make a new fixture for each test", again.getMessage());
    }

    /** A decision whose equals compares its array by identity, so that what is read back differs. */
    record Scored(int[] points) implements Decision {
    }

    /** A slice that decides a {@link Scored}. */
    static final class Scoring extends Slice {
        @Override
        public List<Selector> consistencyBoundary() {
            return List.of(Selector.tags("game:1"));
        }

        @Override
        protected void apply(Decision decision) {
        }

        @Override
        public void execute() {
            trigger(new Scored(new int[] {1, 2}), "game:1");
        }
    }
}
