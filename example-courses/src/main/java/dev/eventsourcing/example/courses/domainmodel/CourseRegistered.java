package dev.eventsourcing.example.courses.domainmodel;

import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.domain.Topic;

import java.util.Objects;
import java.util.UUID;

/**
 * A course was registered. Tagged with the course.
 *
 * @param courseId the new course's id
 * @param title    its title
 * @param capacity how many students it takes
 */
@Topic("courses.CourseRegistered")
public record CourseRegistered(UUID courseId, String title, int capacity) implements Decision {

    /** Refuses missing parts and a capacity the courses do not accept. */
    public CourseRegistered {
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(title, "title");
        Course.checkCapacity(capacity);
    }
}
