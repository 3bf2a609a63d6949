package dev.eventsourcing.example.courses.domainmodel;

import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.dcb.domain.Selector;
import dev.eventsourcing.dcb.domain.Slice;

import java.util.List;
import java.util.UUID;

/**
 * Changes a course's capacity, never below the number of its students. Its boundary is the
 * course's tag, which every join and leave of the course carries, so a join that lands after the
 * read makes the append fail and the change is decided again.
 */
public final class ChangeCourseCapacity extends Slice {

    private final CourseState course;
    private final UUID courseId;
    private final int capacity;

    /**
     * @param courseId the course
     * @param capacity its new capacity, from {@link Course#MIN_CAPACITY} to {@link Course#MAX_CAPACITY}
     */
    public ChangeCourseCapacity(UUID courseId, int capacity) {
        Course.checkCapacity(capacity);
        this.courseId = courseId;
        this.capacity = capacity;
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
     * @throws Refusal {@code COURSE_NOT_FOUND}, or {@code CAPACITY_BELOW_SUBSCRIPTIONS} when the
     *                 course has more students than the new capacity
     */
    @Override
    public void execute() {
        course.requireRegistered();
        if (capacity < course.subscriptions()) {
            throw new Refusal(Refusal.Reason.CAPACITY_BELOW_SUBSCRIPTIONS, "Course " + courseId + " has "
                    + course.subscriptions() + " students, more than a capacity of " + capacity);
        }
        trigger(new CourseCapacityChanged(courseId, capacity), Course.tag(courseId));
    }

    /** @return the course as it is with this change */
    public CourseDetails course() {
        return course.details();
    }
}
