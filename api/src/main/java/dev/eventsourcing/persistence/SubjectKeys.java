package dev.eventsourcing.persistence;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The ciphers of an application's subjects, made from the keys a {@link SubjectKeyRecorder}
 * keeps: a subject's first personal event makes its key, and reading one finds it again by the
 * key id the state carries ({@value CipherKey#SUBJECT_PREFIX} and the subject's id).
 *
 * <p>A key is kept wrapped: encrypted with the application's cipher, bound (as associated data)
 * to the application and the subject, so that a wrapped key moved to another subject does not
 * unwrap. An application without a cipher keeps its subjects' keys as they are (32 bytes):
 * deleting one still shreds the subject, but the keys are readable at rest, as its events are.
 * Keys are read from the recorder on each use, never cached, so a key deleted by another node
 * is gone here too.
 */
final class SubjectKeys {

    /** The topic that wrapped keys are bound to, beside the application and the subject. */
    static final String WRAPPED_KEY_TOPIC = "eventsourcing:subject-key";

    private final SubjectKeyRecorder recorder;
    private final Cipher wrapping;
    private final String applicationName;

    SubjectKeys(SubjectKeyRecorder recorder, Cipher wrapping, String applicationName) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.wrapping = wrapping;
        this.applicationName = Objects.requireNonNull(applicationName, "applicationName");
    }

    /** The subject whose key a state was encrypted with, read from the state's header; empty for other states. */
    static Optional<UUID> subjectOf(byte[] state) {
        return AesGcmCipher.keyIdOf(state).filter(id -> id.startsWith(CipherKey.SUBJECT_PREFIX))
                .map(id -> parseSubject(id.substring(CipherKey.SUBJECT_PREFIX.length())));
    }

    private static UUID parseSubject(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new DecryptionException("the state names subject key '" + CipherKey.SUBJECT_PREFIX + text
                    + "', whose subject is no UUID");
        }
    }

    /**
     * The cipher that encrypts the subject's personal data, making the subject's key when it has none.
     *
     * @throws ShreddedException when the subject was shredded: no personal data of it is written again
     */
    Cipher encrypting(UUID subject) {
        SubjectKey recorded = recorder.select(subject).orElse(null);
        if (recorded == null) {
            CipherKey made = CipherKey.generate(keyId(subject));
            byte[] bytes = made.bytes();
            try {
                recorded = recorder.insertIfAbsent(subject, wrap(subject, bytes));
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
        if (recorded.shredded()) {
            throw new ShreddedException(subject, "The personal data of subject " + subject + " was shredded at "
                    + recorded.shreddedAt() + "; none of it is written again");
        }
        return cipherOf(recorded);
    }

    /**
     * The cipher that decrypts the subject's personal data.
     *
     * @throws ShreddedException   when the subject's key was deleted
     * @throws DecryptionException when the subject has no key at all, or it does not unwrap
     */
    Cipher decrypting(UUID subject) {
        SubjectKey recorded = recorder.select(subject).orElseThrow(() -> new DecryptionException(
                "the state was encrypted with the key of subject " + subject + ", which application '"
                        + applicationName + "' does not have (nor a record that it was shredded)"));
        if (recorded.shredded()) {
            throw new ShreddedException(subject, "the personal data of subject " + subject + " was shredded at "
                    + recorded.shreddedAt());
        }
        return cipherOf(recorded);
    }

    /**
     * The key wrapped as the application's cipher wraps now (its current key): the same key
     * when it already is, is shredded, or the application has no cipher; a key kept unwrapped
     * (made without a cipher) gets wrapped.
     *
     * @throws DecryptionException when the wrapped key does not unwrap with the cipher's keys
     */
    SubjectKey rewrap(SubjectKey key) {
        if (key.shredded() || wrapping == null) {
            return key;
        }
        byte[] stored = key.wrappedKey();
        if (stored.length == CipherKey.KEY_BYTES) {
            try {
                return SubjectKey.of(key.subject(), wrap(key.subject(), stored));
            } finally {
                Arrays.fill(stored, (byte) 0);
            }
        }
        byte[] again;
        try {
            again = wrapping.reencrypt(stored, context(key.subject()));
        } catch (DecryptionException e) {
            throw new DecryptionException("the key of subject " + key.subject() + " does not unwrap with the"
                    + " cipher keys of application '" + applicationName + "': " + e.getMessage(), e);
        }
        return again == stored ? key : SubjectKey.of(key.subject(), again);
    }

    /** Whether the subject's key was deleted. */
    boolean shredded(UUID subject) {
        return recorder.select(subject).map(SubjectKey::shredded).orElse(false);
    }

    /** The recorder of the keys. */
    SubjectKeyRecorder recorder() {
        return recorder;
    }

    private Cipher cipherOf(SubjectKey recorded) {
        byte[] bytes = unwrap(recorded.subject(), recorded.wrappedKey());
        try {
            return new AesGcmCipher(CipherKeys.of(CipherKey.of(keyId(recorded.subject()), bytes)), false);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private byte[] wrap(UUID subject, byte[] key) {
        return wrapping == null ? key.clone() : wrapping.encrypt(key, context(subject));
    }

    private byte[] unwrap(UUID subject, byte[] stored) {
        if (stored.length == CipherKey.KEY_BYTES) {
            return stored; // kept as it is, by an application without a cipher
        }
        if (wrapping == null) {
            throw new DecryptionException("the key of subject " + subject + " is wrapped with an application key, and"
                    + " application '" + applicationName + "' has no cipher key to unwrap it");
        }
        try {
            return wrapping.decrypt(stored, context(subject));
        } catch (DecryptionException e) {
            throw new DecryptionException("the key of subject " + subject + " does not unwrap with the cipher keys of"
                    + " application '" + applicationName + "': " + e.getMessage(), e);
        }
    }

    private CipherContext context(UUID subject) {
        return new CipherContext(applicationName, subject, 0, WRAPPED_KEY_TOPIC);
    }

    private static String keyId(UUID subject) {
        return CipherKey.SUBJECT_PREFIX + subject;
    }
}
