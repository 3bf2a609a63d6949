package dev.eventsourcing.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys a cipher holds, in order: the first encrypts, and any decrypts what was encrypted
 * with it, found by the key id the ciphertext carries. Rotating a key is putting a new one
 * first and keeping the old ones until every state is re-encrypted.
 *
 * <p>The text form, as the {@value dev.eventsourcing.Settings#CIPHER_KEYS} setting holds it, is
 * a comma-separated list of {@code id:base64} entries, the encrypting key first:
 * <pre>{@code
 * k2:<base64 of the new key's 32 bytes>,k1:<base64 of the old key's 32 bytes>
 * }</pre>
 * Ids are application key ids ({@link CipherKey#isApplicationKeyId}); spaces around entries
 * are ignored. Immutable.
 */
public final class CipherKeys {

    private final List<CipherKey> keys;
    private final Map<String, CipherKey> byId = new LinkedHashMap<>();

    private CipherKeys(List<CipherKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("At least one key is needed");
        }
        for (CipherKey key : keys) {
            if (byId.putIfAbsent(Objects.requireNonNull(key, "key").id(), key) != null) {
                throw new IllegalArgumentException("Key id '" + key.id() + "' is given twice");
            }
        }
        this.keys = List.copyOf(keys);
    }

    /**
     * These keys, the first encrypting.
     *
     * @param keys the keys, the encrypting one first; none null
     * @return the keys
     * @throws IllegalArgumentException when there is no key or two have the same id
     * @throws NullPointerException     when a key is null
     */
    public static CipherKeys of(CipherKey... keys) {
        return new CipherKeys(List.of(keys));
    }

    /**
     * These keys, the first encrypting; see {@link #of(CipherKey...)}.
     *
     * @param keys the keys, the encrypting one first; none null
     * @return the keys
     * @throws IllegalArgumentException when there is no key or two have the same id
     * @throws NullPointerException     when a key is null
     */
    public static CipherKeys of(List<CipherKey> keys) {
        return new CipherKeys(keys);
    }

    /**
     * The keys of a text in the form described above.
     *
     * @param text comma-separated {@code id:base64} entries, the encrypting key first
     * @return the keys, in the order of the text
     * @throws NullPointerException     when the text is null
     * @throws IllegalArgumentException when an entry is malformed, an id is not an application
     *                                  key id or is given twice, or a key is not base64 of 32
     *                                  bytes; the message names the entry by position and id,
     *                                  and never quotes a key
     */
    public static CipherKeys parse(String text) {
        Objects.requireNonNull(text, "text");
        List<CipherKey> keys = new ArrayList<>();
        String[] entries = text.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            keys.add(parseEntry(entries[i].strip(), i + 1));
        }
        return new CipherKeys(keys);
    }

    private static CipherKey parseEntry(String entry, int position) {
        int colon = entry.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Entry " + position + " is not of the form id:base64"
                    + (entry.isEmpty() ? " (it is empty)" : ""));
        }
        String id = entry.substring(0, colon).strip();
        if (!CipherKey.isApplicationKeyId(id)) {
            throw new IllegalArgumentException("Entry " + position + " has no valid key id before ':' (1 to "
                    + CipherKey.MAX_ID_LENGTH + " letters, digits, '.', '_' or '-')");
        }
        try {
            return CipherKey.of(id, entry.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Entry " + position + ": " + e.getMessage());
        }
    }

    /** @return the key that encrypts: the first */
    public CipherKey current() {
        return keys.get(0);
    }

    /**
     * The key with this id, if held.
     *
     * @param id the key id a ciphertext carries
     * @return the key; empty when none held has this id
     */
    public Optional<CipherKey> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @return every key, the encrypting one first */
    public List<CipherKey> all() {
        return keys;
    }

    /** @return the ids, the encrypting one first: what error messages may name */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    @Override
    public String toString() {
        return "CipherKeys" + ids();
    }
}
