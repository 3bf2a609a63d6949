/**
 * How events are stored: the recorders' contracts ({@link dev.eventsourcing.persistence.AggregateRecorder}
 * ⊂ {@link dev.eventsourcing.persistence.ApplicationRecorder} ⊂
 * {@link dev.eventsourcing.persistence.ProcessRecorder}, and
 * {@link dev.eventsourcing.persistence.TrackingRecorder}), the values they store and select
 * ({@link dev.eventsourcing.persistence.StoredEvent}, {@link dev.eventsourcing.persistence.Notification},
 * {@link dev.eventsourcing.persistence.Tracking}), the errors they report, and the
 * {@link dev.eventsourcing.persistence.Mapper} that turns domain events into stored events and
 * back: transcoding to JSON, optional compression and encryption, topics naming the classes a
 * mapper knows (never a class looked up by name, see {@link dev.eventsourcing.persistence.TopicRegistry}),
 * and upcasting of old class versions. Encryption ({@link dev.eventsourcing.persistence.AesGcmCipher})
 * binds each state to its event ({@link dev.eventsourcing.persistence.CipherContext}) and names
 * the key it used, so keys ({@link dev.eventsourcing.persistence.CipherKeys}) can be rotated.
 * Events that carry a subject's personal data are encrypted with that subject's own key, kept
 * wrapped by a {@link dev.eventsourcing.persistence.SubjectKeyRecorder}; deleting it shreds
 * them ({@link dev.eventsourcing.persistence.ShreddedException}).
 * Nodes that share a store divide a reader's segments among them through the leases of a
 * {@link dev.eventsourcing.persistence.LeaseRecorder}, by rules every backend applies alike
 * ({@link dev.eventsourcing.persistence.LeaseShares}).
 * Backends implement the recorders in packages of their own.
 */
package dev.eventsourcing.persistence;
