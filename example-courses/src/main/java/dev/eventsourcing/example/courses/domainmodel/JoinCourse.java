package dev.eventsourcing.example.courses.domainmodel;

import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.dcb.domain.Selector;
import dev.eventsourcing.dcb.domain.Slice;

import java.util.List;
import java.util.UUID;

/**
 * A student joins a course. The boundary is both ids' tags: everything about the course (its
 * capacity and who joined or left it) and everything about the student (the courses it joined or
 * left). The decision carries both tags, so a concurrent join of the same course, or of the same
 * student elsewhere, makes the append's condition fail and the join is decided again: capacity,
 * the course limit and the single join hold whatever the concurrency.
 */
public final class JoinCourse extends Slice {

    private final UUID courseId;
    private final UUID studentId;
    private final CourseState course;
    private final StudentState student;

    /**
     * @param courseId  the course
     * @param studentId the student
     */
    public JoinCourse(UUID courseId, UUID studentId) {
        this.courseId = courseId;
        this.studentId = studentId;
        this.course = new CourseState(courseId);
        this.student = new StudentState(studentId);
    }

    @Override
    public List<Selector> consistencyBoundary() {
        return List.of(Selector.tags(Course.tag(courseId)), Selector.tags(Student.tag(studentId)));
    }

    @Override
    protected void apply(Decision decision) {
        course.apply(decision);
        student.apply(decision);
    }

    /**
     * @throws Refusal {@code COURSE_NOT_FOUND}, {@code STUDENT_NOT_FOUND}, {@code ALREADY_JOINED},
     *                 {@code COURSE_FULL} or {@code STUDENT_LIMIT}, checked in that order
     */
    @Override
    public void execute() {
        course.requireRegistered();
        student.requireRegistered();
        if (course.has(studentId)) {
            throw new Refusal(Refusal.Reason.ALREADY_JOINED, "Student " + studentId + " has joined course "
                    + courseId + " already");
        }
        if (course.isFull()) {
            throw new Refusal(Refusal.Reason.COURSE_FULL, "Course " + courseId + " is full: it takes "
                    + course.capacity() + " students");
        }
        if (student.atLimit()) {
            throw new Refusal(Refusal.Reason.STUDENT_LIMIT, "Student " + studentId + " has joined "
                    + Student.MAX_COURSES + " courses, as many as a student may");
        }
        trigger(new StudentJoinedCourse(courseId, studentId), Course.tag(courseId), Student.tag(studentId));
    }

    /** @return the course as it is with this join */
    public CourseDetails course() {
        return course.details();
    }
}
