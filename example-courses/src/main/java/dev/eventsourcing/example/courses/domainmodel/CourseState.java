package dev.eventsourcing.example.courses.domainmodel;

import dev.eventsourcing.dcb.domain.Decision;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * One course as far as the decisions folded into it tell: whether it is registered, its title and
 * capacity, and its students in the order they joined. Decisions about other courses are ignored,
 * so a perspective may fold in everything its boundary selects.
 */
final class CourseState {

    private final UUID id;
    private final Set<UUID> students = new LinkedHashSet<>();
    private String title;
    private int capacity;

    CourseState(UUID id) {
        this.id = id;
    }

    void apply(Decision decision) {
        if (decision instanceof CourseRegistered registered && registered.courseId().equals(id)) {
            title = registered.title();
            capacity = registered.capacity();
        } else if (decision instanceof CourseCapacityChanged changed && changed.courseId().equals(id)) {
            capacity = changed.capacity();
        } else if (decision instanceof StudentJoinedCourse joined && joined.courseId().equals(id)) {
            students.add(joined.studentId());
        } else if (decision instanceof StudentLeftCourse left && left.courseId().equals(id)) {
            students.remove(left.studentId());
        }
    }

    /** @throws Refusal {@code COURSE_NOT_FOUND} unless the course is registered */
    void requireRegistered() {
        if (title == null) {
            throw new Refusal(Refusal.Reason.COURSE_NOT_FOUND, "Course " + id + " not found");
        }
    }

    boolean has(UUID student) {
        return students.contains(student);
    }

    boolean isFull() {
        return students.size() >= capacity;
    }

    int subscriptions() {
        return students.size();
    }

    int capacity() {
        return capacity;
    }

    CourseDetails details() {
        requireRegistered();
        return new CourseDetails(id, title, capacity, students.stream().toList());
    }
}
