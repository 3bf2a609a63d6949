package dev.eventsourcing.jpa.entity;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of a {@link TrackingEntity}. */
public class TrackingKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private String applicationName;
    private String upstreamApplicationName;
    private long notificationId;

    protected TrackingKey() {
    }

    public TrackingKey(String applicationName, String upstreamApplicationName, long notificationId) {
        this.applicationName = applicationName;
        this.upstreamApplicationName = upstreamApplicationName;
        this.notificationId = notificationId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrackingKey other
                && notificationId == other.notificationId
                && Objects.equals(applicationName, other.applicationName)
                && Objects.equals(upstreamApplicationName, other.upstreamApplicationName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(applicationName, upstreamApplicationName, notificationId);
    }
}
