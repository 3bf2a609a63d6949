package dev.eventsourcing.example.courses.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Creates the table of the test's view at start-up (one test server, so no race). */
@Singleton
@Startup
public class JoinedStudentsSchema {

    @PersistenceContext(unitName = "courses")
    EntityManager em;

    @PostConstruct
    void createTable() {
        em.createNativeQuery("CREATE TABLE IF NOT EXISTS " + JoinedStudents.TABLE + " (decision_position BIGINT NOT NULL,"
                + " course_id VARCHAR(36) NOT NULL, student_id VARCHAR(36) NOT NULL, tags VARCHAR(200) NOT NULL)")
                .executeUpdate();
    }
}
