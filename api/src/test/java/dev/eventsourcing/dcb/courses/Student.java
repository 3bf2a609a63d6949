package dev.eventsourcing.dcb.courses;

import dev.eventsourcing.dcb.courses.CourseDecision.StudentJoinedCourse;
import dev.eventsourcing.dcb.courses.CourseDecision.StudentRegistered;
import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.dcb.domain.EnduringObject;

import java.util.ArrayList;
import java.util.List;

/** A student, as an enduring object. */
public class Student extends EnduringObject {

    public static final int MAX_COURSES = 5;

    private String name;
    private final List<String> courses = new ArrayList<>();

    Student() {
    }

    public static Student register(String name) {
        String id = newId("student");
        return create(Student::new, id, new StudentRegistered(id, name));
    }

    @Override
    protected void apply(Decision decision) {
        if (decision instanceof StudentRegistered registered) {
            name = registered.name();
        } else if (decision instanceof StudentJoinedCourse joined) {
            courses.add(joined.courseId());
        }
    }

    public String name() {
        return name;
    }

    public List<String> courses() {
        return List.copyOf(courses);
    }
}
