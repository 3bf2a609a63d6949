package dev.eventsourcing.dcb.courses;

import dev.eventsourcing.dcb.courses.CourseDecision.CapacityChanged;
import dev.eventsourcing.dcb.courses.CourseDecision.CourseRegistered;
import dev.eventsourcing.dcb.courses.CourseDecision.StudentJoinedCourse;
import dev.eventsourcing.dcb.courses.CourseDecision.StudentRegistered;
import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.dcb.domain.Selector;
import dev.eventsourcing.dcb.domain.Slice;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A student joins a course, as a slice that reads exactly what the decision depends on. */
public class JoinCourse extends Slice {

    private final String courseId;
    private final String studentId;
    private boolean courseExists;
    private boolean studentExists;
    private int capacity;
    private final Set<String> studentsOfCourse = new HashSet<>();
    private final Set<String> coursesOfStudent = new HashSet<>();

    public JoinCourse(String courseId, String studentId) {
        this.courseId = courseId;
        this.studentId = studentId;
    }

    @Override
    public List<Selector> consistencyBoundary() {
        return List.of(
                Selector.of(Set.of(CourseRegistered.class, CapacityChanged.class, StudentJoinedCourse.class), Set.of(courseId)),
                Selector.of(Set.of(StudentRegistered.class, StudentJoinedCourse.class), Set.of(studentId)));
    }

    @Override
    protected void apply(Decision decision) {
        if (decision instanceof CourseRegistered registered) {
            courseExists = true;
            capacity = registered.capacity();
        } else if (decision instanceof CapacityChanged changed) {
            capacity = changed.capacity();
        } else if (decision instanceof StudentRegistered) {
            studentExists = true;
        } else if (decision instanceof StudentJoinedCourse joined) {
            if (joined.courseId().equals(courseId)) {
                studentsOfCourse.add(joined.studentId());
            }
            if (joined.studentId().equals(studentId)) {
                coursesOfStudent.add(joined.courseId());
            }
        }
    }

    @Override
    public void execute() {
        if (!courseExists) {
            throw new IllegalArgumentException("course not found: " + courseId);
        }
        if (!studentExists) {
            throw new IllegalArgumentException("student not found: " + studentId);
        }
        if (studentsOfCourse.contains(studentId)) {
            throw new IllegalStateException("already joined");
        }
        if (studentsOfCourse.size() >= capacity) {
            throw new IllegalStateException("course full");
        }
        if (coursesOfStudent.size() >= Student.MAX_COURSES) {
            throw new IllegalStateException("student limit");
        }
        trigger(new StudentJoinedCourse(courseId, studentId), courseId, studentId);
    }

    public int studentsOfCourse() {
        return studentsOfCourse.size();
    }
}
