package dev.eventsourcing.dcb;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The contract of every {@link DcbRecorder}, shared by all backends: the reference library's
 * recorder tests, every query shape against a plain model, atomic appends, concurrent writers
 * and readers, subscriptions, restarts and bad input. A backend runs it by extending this class
 * and implementing {@link #createRecorder()} and {@link #reopen}; it may lower the sizes of the
 * concurrency tests to keep a slow database quick.
 *
 * @param <R> the recorder type under test
 */
public abstract class DcbRecorderTestCase<R extends DcbRecorder> extends DcbRecorderSubscriptionTestCase<R> {

    private static final DcbQuery STUDENT_BOUNDARY = query(item("StudentRegistered", "student:1"));
    private static final DcbQuery COURSE_BOUNDARY = query(item("", "course:1"));
    private static final DcbQuery JOIN_BOUNDARY = query(item("StudentRegistered,StudentJoinedCourse", "student:1"),
            item("CourseRegistered,StudentJoinedCourse", "course:1"));

    @Test
    void aStudentJoinsACourseOnConditionsThatSpanBothAndTheStoreShowsIt() {
        R recorder = createRecorder();
        DcbReadResponse student = recorder.read(STUDENT_BOUNDARY, 0);
        assertEquals(1, recorder.append(List.of(event("StudentRegistered", "Ada", "student:1")),
                failIf(STUDENT_BOUNDARY, student.after())));
        DcbReadResponse course = recorder.read(COURSE_BOUNDARY, 0);
        assertEquals(OptionalLong.of(1), course.head());
        assertEquals(2, recorder.append(List.of(event("CourseRegistered", "Algebra", "course:1")),
                failIf(COURSE_BOUNDARY, course.after())));
        DcbReadResponse join = recorder.read(JOIN_BOUNDARY, 0);
        assertEquals(List.of("Ada", "Algebra"), data(join));
        assertEquals(3, recorder.append(List.of(event("StudentJoinedCourse", "joined", "student:1", "course:1")),
                failIf(JOIN_BOUNDARY, join.after())));
        assertThrows(DcbConditionFailedException.class, () -> recorder.append(
                List.of(event("StudentJoinedCourse", "joined again", "student:1", "course:1")), failIf(JOIN_BOUNDARY, join.after())));

        DcbReadResponse all = recorder.read(DcbQuery.all(), 0);
        assertEquals(List.of("StudentRegistered", "CourseRegistered", "StudentJoinedCourse"),
                all.events().stream().map(e -> e.event().type()).toList());
        assertEquals(List.of("Ada", "Algebra", "joined"), data(all));
        assertEquals(List.of(Set.of("student:1"), Set.of("course:1"), Set.of("student:1", "course:1")),
                all.events().stream().map(e -> e.event().tags()).toList());
        assertRead(recorder.read(query(item("", "student:1")), 0), List.of(1L, 3L), 3);
        assertRead(recorder.read(query(item("", "course:1")), 0), List.of(2L, 3L), 3);
        assertRead(recorder.read(query(item("", "student:1")), 0, 1), List.of(1L), 1);
        assertRead(recorder.read(query(item("", "student:1")), 1, 1), List.of(3L), 3);
        assertRead(recorder.read(query(item("", "course:1")), 2, 1), List.of(3L), 3);
        assertRead(recorder.read(JOIN_BOUNDARY, 0), List.of(1L, 2L, 3L), 3);
        assertRead(recorder.read(JOIN_BOUNDARY, 1, 1), List.of(2L), 2);
    }

    private static void assertRead(DcbReadResponse read, List<Long> positions, long head) {
        assertEquals(positions, positions(read));
        assertEquals(OptionalLong.of(head), read.head());
    }

    @Test
    void aReopenedStoreHasTheSameHeadAndEventsAndKeepsCheckingConditions() {
        R recorder = threeEvents();
        DcbReadResponse before = recorder.read(DcbQuery.all(), 0);

        R reopened = reopen(recorder);

        assertEquals(OptionalLong.of(3), reopened.head());
        assertEquals(before, reopened.read(DcbQuery.all(), 0));
        assertEquals(List.of("e2", "e3"), data(reopened.read(query(item("", "A")), 0)));
        assertThrows(DcbConditionFailedException.class,
                () -> reopened.append(List.of(event("type4", "refused", "A")), failIf(query(item("", "A")), 2)));
        long next = reopened.append(List.of(event("type4", "e4", "A")), failIf(query(item("", "A")), 3));
        assertEquals(OptionalLong.of(next), recorder.head());
    }

    @Test
    void anEmptyBatchIsRefusedAsAProgrammingError() {
        R recorder = threeEvents();

        assertThrows(IllegalArgumentException.class, () -> recorder.append(List.of()));
        assertThrows(IllegalArgumentException.class, () -> recorder.append(List.of(), failIf(DcbQuery.all(), 3)));
        assertEquals(OptionalLong.of(3), recorder.head());
    }

    @Test
    void aNegativePositionOrLimitIsRefusedWithAClearError() {
        R recorder = threeEvents();

        assertMessageNames("after", assertThrows(IllegalArgumentException.class, () -> recorder.read(DcbQuery.all(), -1)));
        assertMessageNames("after", assertThrows(IllegalArgumentException.class, () -> recorder.read(DcbQuery.all(), -1, 5)));
        assertMessageNames("limit", assertThrows(IllegalArgumentException.class, () -> recorder.read(DcbQuery.all(), 0, -1)));
        assertMessageNames("after", assertThrows(IllegalArgumentException.class, () -> recorder.subscribe(DcbQuery.all(), -1)));
        assertMessageNames("after", assertThrows(IllegalArgumentException.class, () -> failIf(DcbQuery.all(), -1)));
        assertThrows(NullPointerException.class, () -> recorder.read(null, 0));
        assertThrows(NullPointerException.class, () -> recorder.append(List.of(event("t", "d")), null));
    }

    private static void assertMessageNames(String word, IllegalArgumentException refused) {
        assertEquals(true, refused.getMessage() != null && refused.getMessage().contains(word), refused.getMessage());
    }
}
