package dev.eventsourcing.example.courses.domainmodel;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A student as its decisions tell it.
 *
 * @param id      the student's id
 * @param name    the student's name
 * @param courses the courses the student has joined and not left, in the order joined
 */
public record StudentDetails(UUID id, String name, List<UUID> courses) {

    /** Checks and copies every part. */
    public StudentDetails {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        courses = List.copyOf(courses);
    }
}
