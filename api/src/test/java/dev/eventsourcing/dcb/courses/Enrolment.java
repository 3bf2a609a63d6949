package dev.eventsourcing.dcb.courses;

import dev.eventsourcing.dcb.courses.CourseDecision.StudentJoinedCourse;
import dev.eventsourcing.dcb.domain.Group;

/** A course and a student together: the student joins the course. */
public class Enrolment extends Group {

    private final Course course;
    private final Student student;

    public Enrolment(Course course, Student student) {
        super(course, student);
        this.course = course;
        this.student = student;
    }

    public void join() {
        if (course.students().contains(student.id())) {
            throw new IllegalStateException("already joined");
        }
        if (course.isFull()) {
            throw new IllegalStateException("course full");
        }
        if (student.courses().size() >= Student.MAX_COURSES) {
            throw new IllegalStateException("student limit");
        }
        trigger(new StudentJoinedCourse(course.id(), student.id()));
    }

    public Course course() {
        return course;
    }

    public Student student() {
        return student;
    }
}
