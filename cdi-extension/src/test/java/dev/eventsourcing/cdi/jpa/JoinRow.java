package dev.eventsourcing.cdi.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A row of the tests' view of decisions: one per student who joined a course. */
@Entity
@Table(name = "roster_view")
public class JoinRow {

    /** The view's DDL, the same on H2 and PostgreSQL. */
    public static final String DDL = """
            CREATE TABLE IF NOT EXISTS roster_view (
                id UUID PRIMARY KEY,
                decision_position BIGINT NOT NULL,
                course VARCHAR(100) NOT NULL,
                student VARCHAR(100) NOT NULL)""";

    @Id
    private UUID id;

    @Column(name = "decision_position")
    private long position;

    private String course;

    private String student;

    protected JoinRow() {
    }

    public JoinRow(long position, String course, String student) {
        this.id = UUID.randomUUID();
        this.position = position;
        this.course = course;
        this.student = student;
    }
}
