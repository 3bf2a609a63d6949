package dev.eventsourcing.example.courses.application;

import dev.eventsourcing.example.courses.domainmodel.RegisterStudent;
import dev.eventsourcing.example.courses.domainmodel.StudentDetails;
import dev.eventsourcing.example.courses.domainmodel.StudentView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** The students' commands and queries, run as {@link Courses} runs the courses'. */
@ApplicationScoped
public class Students {

    @Inject
    Decisions decisions;

    @Inject
    DecisionRetry retry;

    /** Registers a student and returns its new id. */
    public UUID register(String name) {
        return retry.run(() -> decisions.execute(new RegisterStudent(name))).studentId();
    }

    /** The student as the event store has it now. */
    public StudentDetails get(UUID studentId) {
        return decisions.evaluate(new StudentView(studentId)).student();
    }
}
