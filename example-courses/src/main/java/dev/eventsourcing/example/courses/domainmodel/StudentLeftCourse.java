package dev.eventsourcing.example.courses.domainmodel;

import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.domain.Topic;

import java.util.Objects;
import java.util.UUID;

/**
 * A student left a course it had joined. Tagged with both, as the join was.
 *
 * @param courseId  the course
 * @param studentId the student
 */
@Topic("courses.StudentLeftCourse")
public record StudentLeftCourse(UUID courseId, UUID studentId) implements Decision {

    /** Refuses missing ids. */
    public StudentLeftCourse {
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(studentId, "studentId");
    }
}
