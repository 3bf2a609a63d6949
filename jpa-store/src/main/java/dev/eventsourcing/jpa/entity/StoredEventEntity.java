package dev.eventsourcing.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.UUID;

/**
 * One event in an application's notification log: unique by (application, notification id) and
 * by (application, originator id, originator version).
 *
 * <p>The primary key is the notification position, so that the log is read (and, on MariaDB,
 * appended) in key order; the unique constraint on the originator and version is what turns a
 * concurrent write of the same aggregate version into an integrity error.
 */
@Entity
@IdClass(NotificationKey.class)
@Table(name = "es_events", uniqueConstraints = @UniqueConstraint(
        name = "es_events_originator_uk", columnNames = {"application_name", "originator_id", "originator_version"}))
public class StoredEventEntity {

    @Id
    @Column(name = "application_name", nullable = false, updatable = false)
    private String applicationName;

    @Id
    @Column(name = "notification_id", nullable = false, updatable = false)
    private long notificationId;

    @Column(name = "originator_id", nullable = false, updatable = false)
    private UUID originatorId;

    @Column(name = "originator_version", nullable = false, updatable = false)
    private long originatorVersion;

    @Column(name = "topic", nullable = false, updatable = false, length = 1000)
    private String topic;

    // No @Lob: Hibernate would make it an "oid" large object on PostgreSQL. The DDL scripts give
    // the column its type (bytea, LONGBLOB, VARBINARY), and every provider binds byte[] to it.
    @Column(name = "state", nullable = false, updatable = false)
    private byte[] state;

    protected StoredEventEntity() {
    }

    public StoredEventEntity(String applicationName, long notificationId, UUID originatorId,
                             long originatorVersion, String topic, byte[] state) {
        this.applicationName = applicationName;
        this.notificationId = notificationId;
        this.originatorId = originatorId;
        this.originatorVersion = originatorVersion;
        this.topic = topic;
        this.state = state;
    }

    public String applicationName() {
        return applicationName;
    }

    public long notificationId() {
        return notificationId;
    }

    public UUID originatorId() {
        return originatorId;
    }

    public long originatorVersion() {
        return originatorVersion;
    }

    public String topic() {
        return topic;
    }

    /** The stored bytes themselves (not a copy): callers copy them into an api record. */
    public byte[] state() {
        return state;
    }
}
