package dev.eventsourcing.example.courses.domainmodel;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A course as its decisions tell it.
 *
 * @param id       the course's id
 * @param title    its title
 * @param capacity how many students it takes
 * @param students the students who have joined it and not left, in the order they joined
 */
public record CourseDetails(UUID id, String title, int capacity, List<UUID> students) {

    /** Checks and copies every part. */
    public CourseDetails {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        students = List.copyOf(students);
    }
}
