package dev.eventsourcing.jpa.entity;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of a {@link ParkedNotificationEntity}. */
public class ParkedKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private String reader;
    private String upstream;
    private long notificationId;

    protected ParkedKey() {
    }

    public ParkedKey(String reader, String upstream, long notificationId) {
        this.reader = reader;
        this.upstream = upstream;
        this.notificationId = notificationId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParkedKey other
                && notificationId == other.notificationId
                && Objects.equals(reader, other.reader)
                && Objects.equals(upstream, other.upstream);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reader, upstream, notificationId);
    }
}
