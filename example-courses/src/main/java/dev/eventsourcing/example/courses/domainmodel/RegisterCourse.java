package dev.eventsourcing.example.courses.domainmodel;

import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.dcb.domain.Selector;
import dev.eventsourcing.dcb.domain.Slice;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Registers a new course under a new id. Its boundary is the id's tag, so the append's condition
 * makes the id unique in the store.
 */
public final class RegisterCourse extends Slice {

    private final UUID courseId;
    private final String title;
    private final int capacity;

    /**
     * @param title    the course's title
     * @param capacity how many students it takes, from {@link Course#MIN_CAPACITY} to {@link Course#MAX_CAPACITY}
     */
    public RegisterCourse(String title, int capacity) {
        Course.checkCapacity(capacity);
        this.courseId = UUID.randomUUID();
        this.title = Objects.requireNonNull(title, "title");
        this.capacity = capacity;
    }

    /** @return the new course's id */
    public UUID courseId() {
        return courseId;
    }

    @Override
    public List<Selector> consistencyBoundary() {
        return List.of(Selector.tags(Course.tag(courseId)));
    }

    @Override
    protected void apply(Decision decision) {
        // A new id has no decisions; the condition alone guards it.
    }

    @Override
    public void execute() {
        trigger(new CourseRegistered(courseId, title, capacity), Course.tag(courseId));
    }
}
