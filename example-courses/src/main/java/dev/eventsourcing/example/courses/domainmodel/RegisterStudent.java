package dev.eventsourcing.example.courses.domainmodel;

import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.dcb.domain.Selector;
import dev.eventsourcing.dcb.domain.Slice;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Registers a new student under a new id. Its boundary is the id's tag, so the append's condition
 * makes the id unique in the store.
 */
public final class RegisterStudent extends Slice {

    private final UUID studentId;
    private final String name;

    /** @param name the student's name */
    public RegisterStudent(String name) {
        this.studentId = UUID.randomUUID();
        this.name = Objects.requireNonNull(name, "name");
    }

    /** @return the new student's id */
    public UUID studentId() {
        return studentId;
    }

    @Override
    public List<Selector> consistencyBoundary() {
        return List.of(Selector.tags(Student.tag(studentId)));
    }

    @Override
    protected void apply(Decision decision) {
        // A new id has no decisions; the condition alone guards it.
    }

    @Override
    public void execute() {
        trigger(new StudentRegistered(studentId, name), Student.tag(studentId));
    }
}
