package dev.eventsourcing.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * One processed position of a downstream application in an upstream notification log: unique
 * by (application, upstream application, notification id), so that the same notification can
 * never be recorded as processed twice.
 */
@Entity
@IdClass(TrackingKey.class)
@Table(name = "es_tracking")
public class TrackingEntity {

    @Id
    @Column(name = "application_name", nullable = false, updatable = false)
    private String applicationName;

    @Id
    @Column(name = "upstream_application_name", nullable = false, updatable = false)
    private String upstreamApplicationName;

    @Id
    @Column(name = "notification_id", nullable = false, updatable = false)
    private long notificationId;

    protected TrackingEntity() {
    }

    public TrackingEntity(String applicationName, String upstreamApplicationName, long notificationId) {
        this.applicationName = applicationName;
        this.upstreamApplicationName = upstreamApplicationName;
        this.notificationId = notificationId;
    }

    public String applicationName() {
        return applicationName;
    }

    public String upstreamApplicationName() {
        return upstreamApplicationName;
    }

    public long notificationId() {
        return notificationId;
    }
}
