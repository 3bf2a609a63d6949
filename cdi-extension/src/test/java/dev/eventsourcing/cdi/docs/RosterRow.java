package dev.eventsourcing.cdi.docs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A row of the README's view of decisions. */
@Entity
@Table(name = "docs_roster_view")
public class RosterRow {

    /** The view's DDL. */
    public static final String DDL = """
            CREATE TABLE IF NOT EXISTS docs_roster_view (
                id UUID PRIMARY KEY,
                course VARCHAR(100) NOT NULL,
                student VARCHAR(100) NOT NULL,
                decision_position BIGINT NOT NULL)""";

    @Id
    private UUID id;

    private String course;

    private String student;

    @Column(name = "decision_position")
    private long position;

    protected RosterRow() {
    }

    public RosterRow(String course, String student, long position) {
        this.id = UUID.randomUUID();
        this.course = course;
        this.student = student;
        this.position = position;
    }
}
