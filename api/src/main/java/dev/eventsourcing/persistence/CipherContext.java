package dev.eventsourcing.persistence;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * The stored event a state is encrypted for: the application, the originator id and version,
 * and the topic. A {@link Cipher} binds its ciphertext to this context (as AES-GCM associated
 * data), so that a state moved to another event, topic or application fails to decrypt.
 * Snapshots are bound the same way; their topic names the aggregate class, which no event has.
 *
 * <p>{@link #associatedData()} is the context's one byte encoding, part of the stored format:
 * the application name and the topic as UTF-8, each after its length (4 bytes, big-endian),
 * the originator id as 16 bytes (most significant first) and the version as 8 bytes, in the
 * order application name, originator id, originator version, topic. Each field has a fixed size
 * or a length, so no two contexts encode alike.
 *
 * @param applicationName   the application whose event or snapshot it is; empty for a mapper
 *                          made without one
 * @param originatorId      the stored event's originator id
 * @param originatorVersion the stored event's originator version
 * @param topic             the stored event's topic, as stored
 */
public record CipherContext(String applicationName, UUID originatorId, long originatorVersion, String topic) {

    /**
     * Checks that no component is null.
     *
     * @param applicationName   the application; not null, may be empty
     * @param originatorId      the originator id; not null
     * @param originatorVersion the originator version
     * @param topic             the topic; not null
     * @throws NullPointerException when the application name, originator id or topic is null
     */
    public CipherContext {
        Objects.requireNonNull(applicationName, "applicationName");
        Objects.requireNonNull(originatorId, "originatorId");
        Objects.requireNonNull(topic, "topic");
    }

    /**
     * The context of a stored event of the named application.
     *
     * @param applicationName the application that stores the event; empty for none
     * @param event           the stored event
     * @return the event's context
     */
    public static CipherContext of(String applicationName, StoredEvent event) {
        return new CipherContext(applicationName, event.originatorId(), event.originatorVersion(), event.topic());
    }

    /**
     * The context's bytes, as described above: what a cipher authenticates with the ciphertext.
     *
     * @return a new array holding the encoding
     */
    public byte[] associatedData() {
        byte[] application = applicationName.getBytes(StandardCharsets.UTF_8);
        byte[] topicBytes = topic.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(4 + application.length + 16 + 8 + 4 + topicBytes.length);
        out.writeBytes(ByteBuffer.allocate(4).putInt(application.length).array());
        out.writeBytes(application);
        out.writeBytes(ByteBuffer.allocate(24).putLong(originatorId.getMostSignificantBits())
                .putLong(originatorId.getLeastSignificantBits()).putLong(originatorVersion).array());
        out.writeBytes(ByteBuffer.allocate(4).putInt(topicBytes.length).array());
        out.writeBytes(topicBytes);
        return out.toByteArray();
    }

    /** @return the event in words, for error messages: application, originator id, version and topic */
    public String describe() {
        return "application '" + applicationName + "', originator " + originatorId + ", version " + originatorVersion
                + ", topic '" + topic + "'";
    }
}
