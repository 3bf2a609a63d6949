package dev.eventsourcing.example.courses.application;

import dev.eventsourcing.cdi.Projection;
import dev.eventsourcing.dcb.application.SequencedDecision;
import dev.eventsourcing.example.courses.domainmodel.StudentJoinedCourse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * A view of the joins, deployed by the in-container test only: a row per join decision, written in
 * the transaction that records the projection's position, with the decision's position and tags.
 * No unique key, so a decision projected twice would show as a second row.
 */
@ApplicationScoped
@Projection("joined-students")
public class JoinedStudents {

    /** The table, created by {@link JoinedStudentsSchema}. */
    static final String TABLE = "courses_test_joined_students";

    void on(@Observes StudentJoinedCourse joined, SequencedDecision decided, EntityManager em) {
        em.createNativeQuery("INSERT INTO " + TABLE + " (decision_position, course_id, student_id, tags)"
                        + " VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, decided.position())
                .setParameter(2, joined.courseId().toString())
                .setParameter(3, joined.studentId().toString())
                .setParameter(4, String.join(" ", decided.tags().stream().sorted().toList()))
                .executeUpdate();
    }
}
