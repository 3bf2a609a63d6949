package dev.eventsourcing.example.courses.domainmodel;

import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.domain.Topic;

import java.util.Objects;
import java.util.UUID;

/**
 * A student was registered. Tagged with the student.
 *
 * @param studentId the new student's id
 * @param name      the student's name
 */
@Topic("courses.StudentRegistered")
public record StudentRegistered(UUID studentId, String name) implements Decision {

    /** Refuses missing parts. */
    public StudentRegistered {
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(name, "name");
    }
}
