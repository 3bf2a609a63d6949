package dev.eventsourcing.jpa.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * The key of one subject of one application, unique by (application, subject): the key wrapped
 * with the application's key, or, once shredded, no key and the time it was deleted.
 *
 * <p>Rows are inserted by the recorder's own statement (an insert that leaves a row recorded
 * meanwhile by another writer alone, see {@code SubjectKeyRows}); this entity reads them and
 * changes them in the one way a key changes: it is deleted, leaving the tombstone.
 *
 * <p>Not cacheable: another node may shred the key, and a provider's shared cache (EclipseLink
 * keeps one by default) would go on handing out a key that is gone.
 */
@Entity
@Cacheable(false)
@IdClass(SubjectKeyId.class)
@Table(name = "es_subject_keys")
public class SubjectKeyEntity {

    @Id
    @Column(name = "application_name", nullable = false, updatable = false)
    private String applicationName;

    @Id
    @Column(name = "subject_id", nullable = false, updatable = false)
    private UUID subject;

    // No @Lob, as for event states: the DDL scripts give the column its type.
    @Column(name = "wrapped_key")
    private byte[] wrappedKey;

    // Microseconds since the epoch, as in es_parked.
    @Column(name = "shredded_at")
    private Long shreddedAt;

    protected SubjectKeyEntity() {
    }

    /** Deletes the key, keeping the time (microseconds since the epoch). */
    public void shred(long at) {
        this.wrappedKey = null;
        this.shreddedAt = at;
    }

    public UUID subject() {
        return subject;
    }

    /** The wrapped key itself (not a copy), or {@code null} once shredded. */
    public byte[] wrappedKey() {
        return wrappedKey;
    }

    /** Microseconds since the epoch, or {@code null} while the key exists. */
    public Long shreddedAt() {
        return shreddedAt;
    }
}
