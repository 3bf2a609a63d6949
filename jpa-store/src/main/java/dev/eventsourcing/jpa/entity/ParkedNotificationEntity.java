package dev.eventsourcing.jpa.entity;

import dev.eventsourcing.persistence.ParkedNotification.Status;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A notification that a reader parked, unique by (reader, upstream log, notification id), with
 * why it failed and, once it is retried or skipped, what was done and when.
 *
 * <p>Rows are inserted by the recorder's own statement (an insert that ignores a row parked
 * already, see {@code ParkedRows}); this entity reads them and changes them in the two ways a
 * parked notification changes: parked again after another failure, and resolved. The error and
 * stack trace are plain text columns (no {@code @Lob}: Hibernate would make the stack trace an
 * {@code oid} large object on PostgreSQL); the DDL scripts give them their types.
 *
 * <p>Not cacheable: other nodes park and resolve the same rows, so a provider's shared cache
 * (EclipseLink keeps one by default) would answer with a status that changed meanwhile.
 */
@Entity
@Cacheable(false)
@IdClass(ParkedKey.class)
@Table(name = "es_parked")
public class ParkedNotificationEntity {

    @Id
    @Column(name = "reader", nullable = false, updatable = false)
    private String reader;

    @Id
    @Column(name = "upstream", nullable = false, updatable = false)
    private String upstream;

    @Id
    @Column(name = "notification_id", nullable = false, updatable = false)
    private long notificationId;

    @Column(name = "originator_id", nullable = false)
    private UUID originatorId;

    @Column(name = "originator_version", nullable = false)
    private long originatorVersion;

    @Column(name = "topic", nullable = false, length = 1000)
    private String topic;

    @Column(name = "error", nullable = false, length = 4000)
    private String error;

    @Column(name = "stack_trace", nullable = false)
    private String stackTrace;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    // Times are microseconds since the epoch: every database and provider keeps a number exactly,
    // whereas an Instant is not a JPA 3.1 type (EclipseLink 4 serialises it) and a timestamp
    // without a time zone (MariaDB's) would take the JVM's zone from some providers.
    @Column(name = "parked_at", nullable = false)
    private long parkedAt;

    @Column(name = "behind", nullable = false)
    private long behind;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private Status status;

    @Column(name = "resolved_at")
    private Long resolvedAt;

    protected ParkedNotificationEntity() {
    }

    /** Parked again: the latest failure replaces the earlier one. */
    public void park(UUID originatorId, long originatorVersion, String topic, String error, String stackTrace,
                     int attempts, long parkedAt, long behind) {
        this.originatorId = originatorId;
        this.originatorVersion = originatorVersion;
        this.topic = topic;
        this.error = error;
        this.stackTrace = stackTrace;
        this.attempts = attempts;
        this.parkedAt = parkedAt;
        this.behind = behind;
    }

    /** Retried successfully or skipped, at the time given (microseconds since the epoch). */
    public void resolve(Status resolution, long at) {
        this.status = resolution;
        this.resolvedAt = at;
    }

    public String reader() {
        return reader;
    }

    public String upstream() {
        return upstream;
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

    public String error() {
        return error;
    }

    public String stackTrace() {
        return stackTrace;
    }

    public int attempts() {
        return attempts;
    }

    /** Microseconds since the epoch. */
    public long parkedAt() {
        return parkedAt;
    }

    public long behind() {
        return behind;
    }

    public Status status() {
        return status;
    }

    /** Microseconds since the epoch, or {@code null} while parked. */
    public Long resolvedAt() {
        return resolvedAt;
    }
}
