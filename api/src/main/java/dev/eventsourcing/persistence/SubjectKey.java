package dev.eventsourcing.persistence;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * The key of one subject (a person, or anything else whose personal data events carry), as a
 * {@link SubjectKeyRecorder} keeps it: the key wrapped (encrypted) with the application's key
 * while the subject's data is readable, or only the time it was shredded once the key is gone.
 *
 * @param subject    the subject's id
 * @param wrappedKey the wrapped key; {@code null} once shredded
 * @param shreddedAt when the key was deleted; {@code null} while it exists
 */
public record SubjectKey(UUID subject, byte[] wrappedKey, Instant shreddedAt) {

    /**
     * Checks that the key is either live or shredded, and copies the wrapped key.
     *
     * @param subject    the subject's id; not null
     * @param wrappedKey the wrapped key, or {@code null} once shredded
     * @param shreddedAt when the key was deleted, or {@code null} while it exists
     * @throws NullPointerException     when the subject is null
     * @throws IllegalArgumentException unless exactly one of the wrapped key and the shredding
     *                                  time is given
     */
    public SubjectKey {
        Objects.requireNonNull(subject, "subject");
        if ((wrappedKey == null) == (shreddedAt == null)) {
            throw new IllegalArgumentException("A subject key is either a wrapped key or the time it was shredded");
        }
        wrappedKey = wrappedKey == null ? null : wrappedKey.clone();
    }

    /**
     * The key of a subject whose data is readable.
     *
     * @param subject    the subject's id; not null
     * @param wrappedKey the key, wrapped with the application's key; not null, copied
     * @return a live subject key
     */
    public static SubjectKey of(UUID subject, byte[] wrappedKey) {
        return new SubjectKey(subject, Objects.requireNonNull(wrappedKey, "wrappedKey"), null);
    }

    /**
     * What is left of a subject whose key was deleted at {@code at}.
     *
     * @param subject the subject's id; not null
     * @param at      when the key was deleted; not null
     * @return the subject's tombstone
     */
    public static SubjectKey shredded(UUID subject, Instant at) {
        return new SubjectKey(subject, null, Objects.requireNonNull(at, "at"));
    }

    /** @return whether the key is gone, and with it every event encrypted with it */
    public boolean shredded() {
        return shreddedAt != null;
    }

    /** @return a copy of the wrapped key; {@code null} once shredded */
    @Override
    public byte[] wrappedKey() {
        return wrappedKey == null ? null : wrappedKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubjectKey other && subject.equals(other.subject)
                && Arrays.equals(wrappedKey, other.wrappedKey) && Objects.equals(shreddedAt, other.shreddedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subject, shreddedAt) * 31 + Arrays.hashCode(wrappedKey);
    }

    // Never the key's bytes, wrapped or not: this text may end up in a log.
    @Override
    public String toString() {
        return "SubjectKey[subject=" + subject + (shredded() ? ", shredded at " + shreddedAt : ", live") + "]";
    }
}
