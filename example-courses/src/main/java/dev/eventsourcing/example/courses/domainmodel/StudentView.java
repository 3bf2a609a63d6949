package dev.eventsourcing.example.courses.domainmodel;

import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.dcb.domain.Perspective;
import dev.eventsourcing.dcb.domain.Selector;

import java.util.List;
import java.util.UUID;

/** Reads one student from the decisions tagged with it: its name and the courses it has joined. */
public final class StudentView extends Perspective {

    private final UUID studentId;
    private final StudentState student;

    /** @param studentId the student */
    public StudentView(UUID studentId) {
        this.studentId = studentId;
        this.student = new StudentState(studentId);
    }

    @Override
    public List<Selector> consistencyBoundary() {
        return List.of(Selector.tags(Student.tag(studentId)));
    }

    @Override
    protected void apply(Decision decision) {
        student.apply(decision);
    }

    /**
     * @return the student
     * @throws Refusal {@code STUDENT_NOT_FOUND} when no student has the id
     */
    public StudentDetails student() {
        return student.details();
    }
}
