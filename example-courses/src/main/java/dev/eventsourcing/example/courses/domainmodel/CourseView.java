package dev.eventsourcing.example.courses.domainmodel;

import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.dcb.domain.Perspective;
import dev.eventsourcing.dcb.domain.Selector;

import java.util.List;
import java.util.UUID;

/** Reads one course from the decisions tagged with it: its title, capacity and students. */
public final class CourseView extends Perspective {

    private final UUID courseId;
    private final CourseState course;

    /** @param courseId the course */
    public CourseView(UUID courseId) {
        this.courseId = courseId;
        this.course = new CourseState(courseId);
    }

    @Override
    public List<Selector> consistencyBoundary() {
        return List.of(Selector.tags(Course.tag(courseId)));
    }

    @Override
    protected void apply(Decision decision) {
        course.apply(decision);
    }

    /**
     * @return the course
     * @throws Refusal {@code COURSE_NOT_FOUND} when no course has the id
     */
    public CourseDetails course() {
        return course.details();
    }
}
