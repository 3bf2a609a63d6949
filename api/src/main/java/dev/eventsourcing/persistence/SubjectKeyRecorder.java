package dev.eventsourcing.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the keys of an application's subjects: one per subject, made when the first event with
 * the subject's personal data is written, wrapped with the application's key, and deleted to
 * shred the subject's personal data (see {@link dev.eventsourcing.domain.PersonalData}).
 *
 * <p>A subject whose key was deleted keeps a record of that (a tombstone, with the time): it
 * never gets a new key, so no personal data of it is written after it was shredded, and a reader
 * can tell a shredded event from a corrupt one.
 *
 * <p>Two writers (threads or nodes) that make the first key of one subject at the same moment
 * both end with the same key: the first one recorded. Implementations are thread-safe; with a
 * transactional backend, each call joins the caller's transaction, so a key inserted for an
 * event that is rolled back is rolled back with it, and a deletion commits with whatever the
 * caller records beside it.
 */
public interface SubjectKeyRecorder {

    /**
     * The subject's key, or that it was shredded.
     *
     * @param subject the subject's id
     * @return the live key or the tombstone; empty when the subject has no key yet
     */
    Optional<SubjectKey> select(UUID subject);

    /**
     * Records the wrapped key as the subject's key unless the subject has a key, or was shredded,
     * already.
     *
     * @param subject    the subject's id
     * @param wrappedKey a new key for the subject, wrapped with the application's key
     * @return what is recorded for the subject now: this key, the key that another writer
     *         recorded first, or the tombstone of a shredded subject
     */
    SubjectKey insertIfAbsent(UUID subject, byte[] wrappedKey);

    /**
     * Deletes the subject's key and records that it was shredded at {@code at}; for a subject
     * without a key, records the tombstone alone, so that none is made for it later.
     *
     * @param subject the subject's id
     * @param at      the time to record as the shredding's
     * @return whether this call shredded the subject: false when it was shredded already, and
     *         the first time is kept
     */
    boolean shred(UUID subject, Instant at);

    /**
     * A page of the subjects' keys and tombstones, in subject order (an order of the backend's
     * choosing, the same on every call). For maintenance that visits every key, such as wrapping
     * them again with a new application key: pass the last subject of a page to get the next;
     * an empty page means the end.
     *
     * @param after the subject the page starts after (exclusive), or {@code null} for the first page
     * @param limit the most keys returned
     * @return up to {@code limit} keys and tombstones following {@code after}; empty at the end
     * @throws IllegalArgumentException when the limit is negative
     */
    List<SubjectKey> selectAll(UUID after, int limit);

    /**
     * Replaces the subject's wrapped key with another wrapping of the same key, if the wrapped
     * key recorded is still {@code expected}: so a key shredded or replaced meanwhile is never
     * brought back or overwritten.
     *
     * @param subject   the subject's id
     * @param expected  the wrapped key the caller read, compared byte by byte
     * @param rewrapped the same key wrapped again, e.g. with a new application key
     * @return whether the key was replaced; false for a subject without a key, shredded, or
     *         whose wrapped key is another
     */
    boolean replaceWrappedKey(UUID subject, byte[] expected, byte[] rewrapped);
}
