package dev.eventsourcing.example.courses.domainmodel;

import dev.eventsourcing.dcb.domain.Decision;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * One student as far as the decisions folded into it tell: whether it is registered, its name,
 * and the courses it has joined and not left. Decisions about other students are ignored.
 */
final class StudentState {

    private final UUID id;
    private final Set<UUID> courses = new LinkedHashSet<>();
    private String name;

    StudentState(UUID id) {
        this.id = id;
    }

    void apply(Decision decision) {
        if (decision instanceof StudentRegistered registered && registered.studentId().equals(id)) {
            name = registered.name();
        } else if (decision instanceof StudentJoinedCourse joined && joined.studentId().equals(id)) {
            courses.add(joined.courseId());
        } else if (decision instanceof StudentLeftCourse left && left.studentId().equals(id)) {
            courses.remove(left.courseId());
        }
    }

    /** @throws Refusal {@code STUDENT_NOT_FOUND} unless the student is registered */
    void requireRegistered() {
        if (name == null) {
            throw new Refusal(Refusal.Reason.STUDENT_NOT_FOUND, "Student " + id + " not found");
        }
    }

    boolean atLimit() {
        return courses.size() >= Student.MAX_COURSES;
    }

    StudentDetails details() {
        requireRegistered();
        return new StudentDetails(id, name, courses.stream().toList());
    }
}
