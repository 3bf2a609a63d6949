package dev.eventsourcing.jpa.entity;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of a {@link StoredEventEntity}: its application and notification id. */
public class NotificationKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private String applicationName;
    private long notificationId;

    protected NotificationKey() {
    }

    public NotificationKey(String applicationName, long notificationId) {
        this.applicationName = applicationName;
        this.notificationId = notificationId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NotificationKey other
                && notificationId == other.notificationId
                && Objects.equals(applicationName, other.applicationName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(applicationName, notificationId);
    }
}
