package dev.eventsourcing.example.courses.application;

import dev.eventsourcing.example.courses.CoursesDeployment;
import dev.eventsourcing.example.courses.domainmodel.Course;
import dev.eventsourcing.example.courses.domainmodel.JoinCourse;
import dev.eventsourcing.example.courses.domainmodel.RegisterCourse;
import dev.eventsourcing.example.courses.domainmodel.Refusal;
import dev.eventsourcing.example.courses.domainmodel.Student;
import dev.eventsourcing.system.Readers;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Inside the server: a decision joins the caller's JTA transaction and goes with its rollback, and
 * a projection of decisions, run by the container's executor, writes each join once, in the
 * transaction of its position, with the decision's tags.
 */
@ExtendWith(ArquillianExtension.class)
class CoursesInContainerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Deployment
    static WebArchive deployment() {
        return CoursesDeployment.war()
                .addClasses(CoursesInContainerIT.class, JoinedStudents.class, JoinedStudentsSchema.class);
    }

    @Inject
    Courses courses;

    @Inject
    Students students;

    @Inject
    Decisions decisions;

    @Inject
    CourseSubscriptions application;

    @Inject
    Readers readers;

    @Inject
    UserTransaction transaction;

    @PersistenceContext(unitName = "courses")
    EntityManager em;

    @Test
    void aDecisionOfARolledBackTransactionIsNotStored() throws Exception {
        long head = application.recorder().head().orElse(0);

        transaction.begin();
        UUID courseId = decisions.execute(new RegisterCourse("Rolled back", 5)).courseId();
        transaction.rollback();

        assertEquals(head, application.recorder().head().orElse(0), "no position was taken for good");
        Refusal refusal = assertThrows(Refusal.class, () -> courses.get(courseId));
        assertEquals(Refusal.Reason.COURSE_NOT_FOUND, refusal.reason());
    }

    @Test
    void aProjectionWritesEachJoinOnceWithItsTagsAndNothingOfARolledBackJoin() throws Exception {
        UUID courseId = courses.register("Algebra", 10);
        UUID kept = students.register("Ada");
        UUID rolledBack = students.register("Bob");

        transaction.begin();
        decisions.execute(new JoinCourse(courseId, rolledBack));
        transaction.rollback();
        courses.join(courseId, kept);
        long position = application.recorder().head().orElseThrow();

        readers.waitFor("joined-students", application.name(), position, TIMEOUT);

        List<?> rows = em.createNativeQuery("SELECT decision_position, student_id, tags FROM " + JoinedStudents.TABLE
                + " WHERE course_id = ?1").setParameter(1, courseId.toString()).getResultList();
        assertEquals(1, rows.size(), "one row for the one join that committed");
        Object[] row = (Object[]) rows.get(0);
        assertEquals(position, ((Number) row[0]).longValue());
        assertEquals(kept.toString(), row[1]);
        assertEquals(String.join(" ", List.of(Course.tag(courseId), Student.tag(kept)).stream().sorted().toList()), row[2]);
    }
}
