package dev.eventsourcing.persistence;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A {@link Cipher} using AES-256 in GCM mode: authenticated encryption, so a wrong key, a
 * changed byte or a state moved to another event is detected rather than decrypted into
 * garbage or into another event.
 *
 * <p>It holds {@link CipherKeys}: the first encrypts, and each state carries the id of its key,
 * so that any held key decrypts what it encrypted (see {@link CipherFormat} for the layout:
 * marker, format version, key id, 12-byte random nonce, ciphertext, 16-byte tag). The
 * associated data is the header and the event's {@link CipherContext}. With random nonces one
 * key should encrypt no more than about 2<sup>32</sup> states: rotate keys before that.
 *
 * <p>States written before key ids existed (<i>legacy</i>: nonce, ciphertext and tag, with no
 * associated data) are not bound to their event: one can be moved to another event unnoticed.
 * A cipher that accepts them decrypts them with whichever held key fits; once every state is
 * re-encrypted ({@link #reencrypt}), refuse them.
 *
 * <p>Immutable and thread-safe.
 */
public final class AesGcmCipher implements Cipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int TAG_BITS = CipherFormat.TAG_BYTES * 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CipherKeys keys;
    private final boolean acceptLegacy;

    /**
     * A cipher with one key, whose id is {@value CipherKey#DEFAULT_ID}, accepting legacy states.
     *
     * @param base64Key the base64 encoding of a 32-byte key
     * @throws IllegalArgumentException when the key is not base64 or not 32 bytes long; the
     *                                  message never contains the key
     */
    public AesGcmCipher(String base64Key) {
        this(CipherKeys.of(CipherKey.of(CipherKey.DEFAULT_ID, base64Key)), true);
    }

    /**
     * A cipher with these keys, the first encrypting.
     *
     * @param keys         the keys to encrypt with (the first) and decrypt with (any); not null
     * @param acceptLegacy whether states written without key id and binding still decrypt
     * @throws NullPointerException when the keys are null
     */
    public AesGcmCipher(CipherKeys keys, boolean acceptLegacy) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.acceptLegacy = acceptLegacy;
    }

    /**
     * A new random key, base64-encoded, for {@link #AesGcmCipher(String)} or a key setting.
     *
     * @return the base64 encoding of 32 random bytes from a {@link SecureRandom}
     */
    public static String generateKey() {
        byte[] bytes = new byte[CipherKey.KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * The id of the key a state was encrypted with, read from its header without decrypting;
     * empty when the state is not in this cipher's format (a legacy state, say). A cipher that
     * holds keys of several kinds (see {@link CipherKey}) can pick the one to decrypt with.
     *
     * @param state a stored state, encrypted or not
     * @return the key id from the state's header; empty when the state carries no readable header
     *         of the current format version
     */
    public static Optional<String> keyIdOf(byte[] state) {
        if (!CipherFormat.isMarked(state) || CipherFormat.version(state) != CipherFormat.VERSION) {
            return Optional.empty();
        }
        int header = CipherFormat.headerLength(state);
        return header < 0 ? Optional.empty() : Optional.of(CipherFormat.keyId(state, header));
    }

    /** @return the keys this cipher holds, the first encrypting */
    public CipherKeys keys() {
        return keys;
    }

    /** @return whether legacy states (no key id, not bound to their event) decrypt */
    public boolean acceptsLegacy() {
        return acceptLegacy;
    }

    @Override
    public byte[] encrypt(byte[] plaintext, CipherContext context) {
        Objects.requireNonNull(context, "context");
        CipherKey key = keys.current();
        byte[] header = CipherFormat.header(key.id());
        byte[] nonce = new byte[CipherFormat.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance(TRANSFORMATION);
            cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] out = new byte[header.length + nonce.length + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(header, 0, out, 0, header.length);
            System.arraycopy(nonce, 0, out, header.length, nonce.length);
            cipher.updateAAD(CipherFormat.associatedData(out, header.length, context));
            cipher.doFinal(plaintext, 0, plaintext.length, out, header.length + nonce.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new MapperException("AES-GCM encryption with key '" + key.id() + "' failed: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, CipherContext context) {
        Objects.requireNonNull(context, "context");
        if (!CipherFormat.isMarked(ciphertext)) {
            if (!acceptLegacy) {
                throw new DecryptionException("the state is not in the current format: a legacy state (no key id, "
                        + "not bound to its event), which this cipher refuses, or one never encrypted");
            }
            return decryptLegacy(ciphertext, null);
        }
        try {
            return decryptCurrent(ciphertext, context);
        } catch (DecryptionException failure) {
            // One legacy state in 2^32 starts with the marker by chance: try it as such too.
            if (acceptLegacy) {
                return decryptLegacy(ciphertext, failure);
            }
            throw failure;
        }
    }

    @Override
    public byte[] reencrypt(byte[] ciphertext, CipherContext context) {
        byte[] plaintext = decrypt(ciphertext, context);
        boolean current = keyIdOf(ciphertext).filter(keys.current().id()::equals).isPresent();
        return current ? ciphertext : encrypt(plaintext, context);
    }

    private byte[] decryptCurrent(byte[] state, CipherContext context) {
        if (CipherFormat.version(state) != CipherFormat.VERSION) {
            throw new DecryptionException("the state has cipher format version " + CipherFormat.version(state)
                    + ", which this library does not read");
        }
        int header = CipherFormat.headerLength(state);
        if (header < 0) {
            throw new DecryptionException("the state is too short (" + state.length + " bytes) for its cipher header,"
                    + " nonce and tag");
        }
        String id = CipherFormat.keyId(state, header);
        if (!id.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            // Not written by a cipher: do not echo the bytes into messages and logs.
            throw new DecryptionException("the state's cipher header holds no valid key id");
        }
        CipherKey key = keys.find(id).orElseThrow(() -> new DecryptionException("the state was encrypted with key '"
                + id + "', which this cipher does not hold (it holds " + String.join(", ", keys.ids()) + ")"));
        try {
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance(TRANSFORMATION);
            cipher.init(javax.crypto.Cipher.DECRYPT_MODE, key.secretKey(),
                    new GCMParameterSpec(TAG_BITS, state, header, CipherFormat.NONCE_BYTES));
            cipher.updateAAD(CipherFormat.associatedData(state, header, context));
            int body = header + CipherFormat.NONCE_BYTES;
            return cipher.doFinal(state, body, state.length - body);
        } catch (AEADBadTagException e) {
            throw new DecryptionException("AES-GCM authentication with key '" + id + "' failed: the state was changed,"
                    + " or belongs to another event (application, originator, version or topic), or the cipher key"
                    + " of that id is not the one it was encrypted with", e);
        } catch (GeneralSecurityException e) {
            throw new DecryptionException("AES-GCM decryption with key '" + id + "' failed: " + e.getMessage(), e);
        }
    }

    private byte[] decryptLegacy(byte[] state, DecryptionException failure) {
        if (state.length < CipherFormat.NONCE_BYTES + CipherFormat.TAG_BYTES) {
            throw failure != null ? failure : new DecryptionException("the state is " + state.length
                    + " bytes, shorter than an AES-GCM nonce and tag (" + (CipherFormat.NONCE_BYTES + CipherFormat.TAG_BYTES)
                    + " bytes)");
        }
        for (CipherKey key : keys.all()) {
            try {
                javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance(TRANSFORMATION);
                cipher.init(javax.crypto.Cipher.DECRYPT_MODE, key.secretKey(),
                        new GCMParameterSpec(TAG_BITS, state, 0, CipherFormat.NONCE_BYTES));
                return cipher.doFinal(state, CipherFormat.NONCE_BYTES, state.length - CipherFormat.NONCE_BYTES);
            } catch (AEADBadTagException wrongKeyOrChanged) {
                // Legacy states carry no key id: the next key may be the one.
            } catch (GeneralSecurityException e) {
                throw new DecryptionException("AES-GCM decryption failed: " + e.getMessage(), e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        throw new DecryptionException("the state is not in the current format, and as a legacy state (no key id) it"
                + " does not decrypt with any cipher key held (" + String.join(", ", keys.ids()) + "): it was"
                + " encrypted with another key, was changed, or was never encrypted");
    }

    @Override
    public String toString() {
        return "AesGcmCipher[AES-256-GCM, keys " + keys.ids() + (acceptLegacy ? ", accepting legacy" : "") + "]";
    }
}
