package dev.eventsourcing.persistence;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 32-byte AES key with the id that ciphertexts made with it carry, so that a reader holding
 * several keys knows which one to use. The key bytes never appear in {@link #toString()} or in
 * an error message.
 *
 * <p>Key ids are 1 to {@value #MAX_ID_LENGTH} printable ASCII characters (no space). They are
 * one space shared by every kind of key:
 * <ul>
 * <li>application keys, configured in settings, have ids of letters, digits, {@code .},
 *     {@code _} and {@code -} only ({@link #isApplicationKeyId}); the key given by the single
 *     key setting has the id {@value #DEFAULT_ID};</li>
 * <li>ids starting with {@value #SUBJECT_PREFIX} are reserved for keys of one data subject (for
 *     example {@code subject:} and the subject's id), kept apart from the application's keys so
 *     that erasing a subject's key makes only that subject's events unreadable. An application
 *     key can never have such an id, since it cannot contain {@code :}.</li>
 * </ul>
 */
public final class CipherKey {

    /** The id of the key given by the single key setting. */
    public static final String DEFAULT_ID = "default";
    /** The prefix of the ids reserved for the keys of data subjects. */
    public static final String SUBJECT_PREFIX = "subject:";
    /** The longest key id, in characters. */
    public static final int MAX_ID_LENGTH = 128;
    /** The length of a key, in bytes: AES-256. */
    public static final int KEY_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final SecretKeySpec key;

    private CipherKey(String id, byte[] bytes) {
        this.id = checkId(id);
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 key '" + id + "' must be " + KEY_BYTES + " bytes, was "
                    + bytes.length + " bytes; make one with AesGcmCipher.generateKey()");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /**
     * The key with this id whose bytes the base64 text encodes.
     *
     * @param id        the key's id: 1 to {@value #MAX_ID_LENGTH} printable ASCII characters, no space
     * @param base64Key the base64 encoding of 32 bytes; surrounding white space is ignored
     * @return the key
     * @throws NullPointerException     when the id or the text is null
     * @throws IllegalArgumentException when the id is not valid, or the text is not base64 of 32
     *                                  bytes; the message never quotes the text
     */
    public static CipherKey of(String id, String base64Key) {
        checkId(id);
        Objects.requireNonNull(base64Key, "base64Key");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            // The decoder's message may quote part of the key: do not attach it.
            throw new IllegalArgumentException("AES key '" + id + "' is not valid base64 (" + base64Key.length()
                    + " characters)");
        }
        try {
            return new CipherKey(id, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * The key with this id and these bytes (copied), for keys kept elsewhere than in settings,
     * such as the keys of data subjects.
     *
     * @param id  the key's id: 1 to {@value #MAX_ID_LENGTH} printable ASCII characters, no space
     * @param key the key's 32 bytes
     * @return the key
     * @throws IllegalArgumentException when the id is not valid or there are not 32 bytes
     * @throws NullPointerException     when the id or the bytes are null
     */
    public static CipherKey of(String id, byte[] key) {
        return new CipherKey(id, Objects.requireNonNull(key, "key").clone());
    }

    /**
     * A new random key with this id.
     *
     * @param id the key's id: 1 to {@value #MAX_ID_LENGTH} printable ASCII characters, no space
     * @return a key of 32 bytes from a {@link SecureRandom}
     * @throws IllegalArgumentException when the id is not valid
     */
    public static CipherKey generate(String id) {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        try {
            return new CipherKey(id, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Whether the id can name an application key: 1 to {@value #MAX_ID_LENGTH} letters, digits,
     * {@code .}, {@code _} or {@code -}. Such an id never starts with {@value #SUBJECT_PREFIX}.
     *
     * @param id the id to check; may be null
     * @return true when the id can name an application key; false for null
     */
    public static boolean isApplicationKeyId(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_ID_LENGTH && id.chars().allMatch(c ->
                c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-');
    }

    /** @return the id that ciphertexts made with this key carry */
    public String id() {
        return id;
    }

    /** @return whether this is the key of a data subject: its id starts with {@value #SUBJECT_PREFIX} */
    public boolean isSubjectKey() {
        return id.startsWith(SUBJECT_PREFIX);
    }

    /**
     * A copy of the key's bytes, for storing the key encrypted elsewhere (such as a data
     * subject's key under an application key). Clear the copy after use.
     *
     * @return a new array of the key's 32 bytes
     */
    public byte[] bytes() {
        return key.getEncoded();
    }

    SecretKeySpec secretKey() {
        return key;
    }

    private static String checkId(String id) {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH || !id.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new IllegalArgumentException("A key id must be 1 to " + MAX_ID_LENGTH
                    + " printable ASCII characters without spaces, was " + id.length() + " characters");
        }
        return id;
    }

    @Override
    public String toString() {
        return "CipherKey[" + id + "]";
    }
}
