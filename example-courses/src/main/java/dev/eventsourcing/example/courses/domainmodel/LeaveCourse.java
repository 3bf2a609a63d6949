package dev.eventsourcing.example.courses.domainmodel;

import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.dcb.domain.Selector;
import dev.eventsourcing.dcb.domain.Slice;

import java.util.List;
import java.util.UUID;

/**
 * A student leaves a course it has joined. The boundary is the decisions carrying both tags, the
 * joins and leaves of this pair only: a leave frees a place and a course slot, which no rule
 * guards, so it needs to exclude nothing but a concurrent leave (or join) of the same pair.
 */
public final class LeaveCourse extends Slice {

    private final UUID courseId;
    private final UUID studentId;
    private boolean joined;

    /**
     * @param courseId  the course
     * @param studentId the student
     */
    public LeaveCourse(UUID courseId, UUID studentId) {
        this.courseId = courseId;
        this.studentId = studentId;
    }

    @Override
    public List<Selector> consistencyBoundary() {
        return List.of(Selector.tags(Course.tag(courseId), Student.tag(studentId)));
    }

    @Override
    protected void apply(Decision decision) {
        if (decision instanceof StudentJoinedCourse) {
            joined = true;
        } else if (decision instanceof StudentLeftCourse) {
            joined = false;
        }
    }

    /** @throws Refusal {@code NOT_JOINED} unless the student has joined the course and not left it */
    @Override
    public void execute() {
        if (!joined) {
            throw new Refusal(Refusal.Reason.NOT_JOINED, "Student " + studentId + " has not joined course "
                    + courseId);
        }
        trigger(new StudentLeftCourse(courseId, studentId), Course.tag(courseId), Student.tag(studentId));
    }
}
