package dev.eventsourcing.example.courses.domainmodel;

import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.domain.Topic;

import java.util.Objects;
import java.util.UUID;

/**
 * A course's capacity was changed. Tagged with the course.
 *
 * @param courseId the course
 * @param capacity how many students it takes from now on
 */
@Topic("courses.CourseCapacityChanged")
public record CourseCapacityChanged(UUID courseId, int capacity) implements Decision {

    /** Refuses a missing id and a capacity the courses do not accept. */
    public CourseCapacityChanged {
        Objects.requireNonNull(courseId, "courseId");
        Course.checkCapacity(capacity);
    }
}
