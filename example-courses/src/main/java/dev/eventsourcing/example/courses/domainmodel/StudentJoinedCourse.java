package dev.eventsourcing.example.courses.domainmodel;

import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.domain.Topic;

import java.util.Objects;
import java.util.UUID;

/**
 * A student joined a course. One decision tagged with both, so that it lies inside the course's
 * boundary (its capacity) and the student's (its course limit) alike.
 *
 * @param courseId  the course
 * @param studentId the student
 */
@Topic("courses.StudentJoinedCourse")
public record StudentJoinedCourse(UUID courseId, UUID studentId) implements Decision {

    /** Refuses missing ids. */
    public StudentJoinedCourse {
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(studentId, "studentId");
    }
}
