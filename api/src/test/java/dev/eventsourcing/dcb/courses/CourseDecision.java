package dev.eventsourcing.dcb.courses;

import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.domain.Topic;

/** The decisions of the courses model used by the DCB tests. */
public sealed interface CourseDecision extends Decision {

    /** A course was registered. */
    @Topic("courses.CourseRegistered")
    record CourseRegistered(String courseId, String title, int capacity) implements CourseDecision {
    }

    /** A course's capacity changed. */
    @Topic("courses.CapacityChanged")
    record CapacityChanged(String courseId, int capacity) implements CourseDecision {
    }

    /** A student was registered. */
    @Topic("courses.StudentRegistered")
    record StudentRegistered(String studentId, String name) implements CourseDecision {
    }

    /** A student joined a course: tagged with both ids. */
    @Topic("courses.StudentJoinedCourse")
    record StudentJoinedCourse(String courseId, String studentId) implements CourseDecision {
    }
}
