package dev.eventsourcing.jpa.entity;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The primary key of a {@link SubjectKeyEntity}. */
public class SubjectKeyId implements Serializable {
    private static final long serialVersionUID = 1L;

    private String applicationName;
    private UUID subject;

    protected SubjectKeyId() {
    }

    public SubjectKeyId(String applicationName, UUID subject) {
        this.applicationName = applicationName;
        this.subject = subject;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubjectKeyId other
                && Objects.equals(applicationName, other.applicationName)
                && Objects.equals(subject, other.subject);
    }

    @Override
    public int hashCode() {
        return Objects.hash(applicationName, subject);
    }
}
