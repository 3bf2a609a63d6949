package dev.eventsourcing.persistence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The layout of the states {@link AesGcmCipher} writes (format version 1):
 * <pre>
 * 'E' 'S' 'C'  format marker, 3 bytes
 * 0x01         format version, 1 byte
 * n            length of the key id, 1 byte (1 to 128)
 * key id       n bytes of ASCII
 * nonce        12 random bytes
 * ciphertext   as long as the plaintext, then the 16-byte GCM tag
 * </pre>
 * The header (marker to key id) and the {@link CipherContext#associatedData()} of the event
 * form the associated data, so neither the header nor the context can change unnoticed.
 *
 * <p>States written before this format (<i>legacy</i>) are the nonce, the ciphertext and the tag
 * only, without associated data. A legacy state starts with the marker and version by chance
 * once in 2<sup>32</sup>; a reader that accepts legacy states tries them as such when they do
 * not decrypt as this format.
 */
final class CipherFormat {

    static final byte VERSION = 1;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    private static final byte[] MARKER = {'E', 'S', 'C'};
    private static final int ID_OFFSET = MARKER.length + 2;

    private CipherFormat() {
    }

    /** The header for a key id: marker, version, id length and id. */
    static byte[] header(String keyId) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        byte[] header = Arrays.copyOf(MARKER, ID_OFFSET + id.length);
        header[MARKER.length] = VERSION;
        header[MARKER.length + 1] = (byte) id.length;
        System.arraycopy(id, 0, header, ID_OFFSET, id.length);
        return header;
    }

    /** Whether the bytes start with the format marker, whatever the version. */
    static boolean isMarked(byte[] state) {
        return state.length > MARKER.length && Arrays.equals(state, 0, MARKER.length, MARKER, 0, MARKER.length);
    }

    /** The format version of marked bytes. */
    static int version(byte[] state) {
        return state[MARKER.length] & 0xff;
    }

    /**
     * The length of the header of marked version 1 bytes, or -1 when the bytes are too short
     * for the header they announce plus nonce and tag.
     */
    static int headerLength(byte[] state) {
        if (state.length <= ID_OFFSET) {
            return -1;
        }
        int idLength = state[MARKER.length + 1] & 0xff;
        int header = ID_OFFSET + idLength;
        return idLength == 0 || state.length < header + NONCE_BYTES + TAG_BYTES ? -1 : header;
    }

    /** The key id in a version 1 header of the given length. */
    static String keyId(byte[] state, int headerLength) {
        return new String(state, ID_OFFSET, headerLength - ID_OFFSET, StandardCharsets.US_ASCII);
    }

    /** The associated data of a version 1 state: its header, then the context's bytes. */
    static byte[] associatedData(byte[] state, int headerLength, CipherContext context) {
        byte[] event = context.associatedData();
        byte[] data = Arrays.copyOf(state, headerLength + event.length);
        System.arraycopy(event, 0, data, headerLength, event.length);
        return data;
    }
}
