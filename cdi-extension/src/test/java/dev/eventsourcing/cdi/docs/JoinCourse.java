package dev.eventsourcing.cdi.docs;

import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.dcb.domain.Selector;
import dev.eventsourcing.dcb.domain.Slice;

import java.util.List;

/** The README's command: a student joins a course (no rule: the README shows the wiring). */
public class JoinCourse extends Slice {
    private final String course;
    private final String student;

    public JoinCourse(String course, String student) {
        this.course = course;
        this.student = student;
    }

    @Override
    public List<Selector> consistencyBoundary() {
        return List.of(Selector.tags(course));
    }

    @Override
    protected void apply(Decision decision) {
    }

    @Override
    public void execute() {
        trigger(new StudentJoined(course, student), course, student);
    }
}
