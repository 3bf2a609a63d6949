package dev.eventsourcing.persistence;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AesGcmCipherTest {

    private static final UUID ID = UUID.fromString("8f2c6b9e-0d3a-4e53-9a51-3c1f1d2b7a10");
    private static final CipherContext CONTEXT = new CipherContext("Bank", ID, 3, "com.example.Account$Withdrawn");
    private static final byte[] PLAINTEXT = "{\"t\":\"2026-01-01T00:00:00Z\",\"d\":{}}".getBytes(StandardCharsets.UTF_8);

    static byte[] legacyState(String base64Key, byte[] nonce, byte[] plaintext) {
        return LegacyStates.encrypt(base64Key, nonce, plaintext);
    }

    private static AesGcmCipher cipher(boolean acceptLegacy, CipherKey... keys) {
        return new AesGcmCipher(CipherKeys.of(keys), acceptLegacy);
    }

    @Test
    void generatedKeysAreBase64Of32RandomBytes() {
        String key = AesGcmCipher.generateKey();
        assertEquals(32, Base64.getDecoder().decode(key).length);
        assertNotEquals(key, AesGcmCipher.generateKey());
    }

    @Test
    void aKeyOfTheWrongSizeIsRejectedAtConstructionWithoutQuotingIt() {
        for (int size : new int[] {0, 16, 24, 31, 33}) {
            String key = Base64.getEncoder().encodeToString(new byte[size]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AesGcmCipher(key));
            assertEquals("AES-256 key 'default' must be 32 bytes, was " + size
                    + " bytes; make one with AesGcmCipher.generateKey()", e.getMessage());
        }
    }

    @Test
    void aKeyThatIsNotBase64IsRejectedAtConstructionWithoutQuotingIt() {
        String key = "this is not base64 at all!";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AesGcmCipher(key));
        assertFalse(e.getMessage().contains(key), e.getMessage());
        assertTrue(e.getMessage().contains("not valid base64"), e.getMessage());
    }

    @Test
    void aStateIsMarkerVersionKeyIdNonceCiphertextAndTagAndDecryptsBack() {
        AesGcmCipher cipher = cipher(false, CipherKey.generate("k1"));
        byte[] state = cipher.encrypt(PLAINTEXT, CONTEXT);

        assertEquals(3 + 1 + 1 + 2 + 12 + PLAINTEXT.length + 16, state.length);
        assertArrayEquals(new byte[] {'E', 'S', 'C', 1, 2, 'k', '1'}, Arrays.copyOf(state, 7));
        assertEquals(Optional.of("k1"), AesGcmCipher.keyIdOf(state));
        assertArrayEquals(PLAINTEXT, cipher.decrypt(state, CONTEXT));
        assertArrayEquals(new byte[0], cipher.decrypt(cipher.encrypt(new byte[0], CONTEXT), CONTEXT));
        assertFalse(Arrays.equals(state, cipher.encrypt(PLAINTEXT, CONTEXT)), "a fresh nonce for each state");
    }

    @Test
    void theSameKeyGivenAgainDecryptsWhatTheFirstEncrypted() {
        String key = AesGcmCipher.generateKey();
        byte[] encrypted = new AesGcmCipher(key).encrypt(new byte[] {1, 2, 3}, CONTEXT);
        assertArrayEquals(new byte[] {1, 2, 3}, new AesGcmCipher(" " + key + "\n").decrypt(encrypted, CONTEXT));
        assertEquals(Optional.of(CipherKey.DEFAULT_ID), AesGcmCipher.keyIdOf(encrypted));
    }

    @Test
    void aStateDecryptsOnlyForTheEventItWasEncryptedFor() {
        AesGcmCipher cipher = cipher(true, CipherKey.generate("k1"));
        byte[] state = cipher.encrypt(PLAINTEXT, CONTEXT);
        List<CipherContext> others = List.of(
                new CipherContext("Ledger", ID, 3, CONTEXT.topic()),
                new CipherContext("Bank", UUID.randomUUID(), 3, CONTEXT.topic()),
                new CipherContext("Bank", ID, 4, CONTEXT.topic()),
                new CipherContext("Bank", ID, 3, "com.example.Account$Deposited"));
        for (CipherContext other : others) {
            DecryptionException e = assertThrows(DecryptionException.class, () -> cipher.decrypt(state, other), other::toString);
            assertTrue(e.getMessage().contains("another event (application, originator, version or topic)"), e.getMessage());
            assertTrue(e.getMessage().contains("key 'k1'"), e.getMessage());
        }
    }

    @Test
    void anotherKeyOrChangedOrTruncatedDataFailsWithADecryptionError() {
        String key = AesGcmCipher.generateKey();
        AesGcmCipher cipher = new AesGcmCipher(key);
        byte[] encrypted = cipher.encrypt(new byte[] {1, 2, 3}, CONTEXT);
        DecryptionException wrongKey = assertThrows(DecryptionException.class,
                () -> new AesGcmCipher(AesGcmCipher.generateKey()).decrypt(encrypted, CONTEXT));
        assertTrue(wrongKey.getMessage().contains("cipher key"), wrongKey.getMessage());
        assertFalse(wrongKey.getMessage().contains(key), wrongKey.getMessage());
        for (int i = 0; i < encrypted.length; i++) {
            byte[] changed = encrypted.clone();
            changed[i] ^= 0x40;
            assertThrows(DecryptionException.class, () -> cipher.decrypt(changed, CONTEXT), "byte " + i);
        }
        for (int length : new int[] {0, 3, 5, 12, 27, encrypted.length - 1}) {
            byte[] cut = Arrays.copyOf(encrypted, length);
            assertThrows(DecryptionException.class, () -> cipher.decrypt(cut, CONTEXT), length + " bytes");
        }
    }

    @Test
    void aStateOfAKeyNotHeldFailsNamingTheKeyIdsButNoKey() {
        CipherKey k1 = CipherKey.generate("k1");
        CipherKey k2 = CipherKey.generate("k2");
        byte[] state = cipher(false, k2, k1).encrypt(PLAINTEXT, CONTEXT);

        DecryptionException e = assertThrows(DecryptionException.class, () -> cipher(true, k1).decrypt(state, CONTEXT));
        assertEquals("the state was encrypted with key 'k2', which this cipher does not hold (it holds k1)", e.getMessage());
    }

    @Test
    void aKeyIdThatNoCipherWritesIsNotEchoedInTheMessage() {
        AesGcmCipher cipher = cipher(false, CipherKey.generate("k1"));
        byte[] state = cipher.encrypt(PLAINTEXT, CONTEXT);
        state[6] = '\n';
        DecryptionException e = assertThrows(DecryptionException.class, () -> cipher.decrypt(state, CONTEXT));
        assertEquals("the state's cipher header holds no valid key id", e.getMessage());
    }

    @Test
    void anUnknownFormatVersionFailsNamingIt() {
        AesGcmCipher cipher = cipher(false, CipherKey.generate("k1"));
        byte[] state = cipher.encrypt(PLAINTEXT, CONTEXT);
        state[3] = 2;
        DecryptionException e = assertThrows(DecryptionException.class, () -> cipher.decrypt(state, CONTEXT));
        assertTrue(e.getMessage().contains("cipher format version 2"), e.getMessage());
    }

    @Test
    void anyHeldKeyDecryptsWhatItEncryptedAndOnlyTheFirstEncrypts() {
        CipherKey k1 = CipherKey.generate("k1");
        CipherKey k2 = CipherKey.generate("k2");
        byte[] old = cipher(false, k1).encrypt(PLAINTEXT, CONTEXT);
        AesGcmCipher rotated = cipher(false, k2, k1);

        assertArrayEquals(PLAINTEXT, rotated.decrypt(old, CONTEXT));
        assertEquals(Optional.of("k2"), AesGcmCipher.keyIdOf(rotated.encrypt(PLAINTEXT, CONTEXT)));
    }

    @Test
    void legacyStatesDecryptWithWhicheverHeldKeyFitsUnlessRefused() {
        String oldKey = AesGcmCipher.generateKey();
        byte[] legacy = legacyState(oldKey, new byte[12], PLAINTEXT);
        CipherKey k1 = CipherKey.of("k1", oldKey);
        CipherKey k2 = CipherKey.generate("k2");

        assertEquals(Optional.empty(), AesGcmCipher.keyIdOf(legacy));
        assertArrayEquals(PLAINTEXT, new AesGcmCipher(oldKey).decrypt(legacy, CONTEXT));
        assertArrayEquals(PLAINTEXT, cipher(true, k2, k1).decrypt(legacy, CONTEXT), "not bound: any context reads it");
        DecryptionException refused = assertThrows(DecryptionException.class, () -> cipher(false, k2, k1).decrypt(legacy, CONTEXT));
        assertTrue(refused.getMessage().contains("legacy state"), refused.getMessage());
        DecryptionException noKey = assertThrows(DecryptionException.class, () -> cipher(true, k2).decrypt(legacy, CONTEXT));
        assertTrue(noKey.getMessage().contains("does not decrypt with any cipher key held (k2)"), noKey.getMessage());
    }

    @Test
    void aLegacyStateWhoseNonceStartsLikeTheCurrentFormatStillDecrypts() {
        String key = AesGcmCipher.generateKey();
        byte[] nonce = {'E', 'S', 'C', 1, 2, 'k', '1', 0, 0, 0, 0, 0};
        byte[] legacy = legacyState(key, nonce, PLAINTEXT);

        assertArrayEquals(PLAINTEXT, cipher(true, CipherKey.of("k1", key)).decrypt(legacy, CONTEXT));
        assertThrows(DecryptionException.class, () -> cipher(false, CipherKey.of("k1", key)).decrypt(legacy, CONTEXT));
    }

    @Test
    void reencryptingKeepsAStateOfTheCurrentKeyAndEncryptsOthersWithIt() {
        String oldKey = AesGcmCipher.generateKey();
        CipherKey k1 = CipherKey.of("k1", oldKey);
        CipherKey k2 = CipherKey.generate("k2");
        AesGcmCipher rotated = cipher(true, k2, k1);
        byte[] current = rotated.encrypt(PLAINTEXT, CONTEXT);
        byte[] old = cipher(false, k1).encrypt(PLAINTEXT, CONTEXT);
        byte[] legacy = legacyState(oldKey, new byte[12], PLAINTEXT);

        assertSame(current, rotated.reencrypt(current, CONTEXT));
        for (byte[] state : List.of(old, legacy)) {
            byte[] again = rotated.reencrypt(state, CONTEXT);
            assertNotSame(state, again);
            assertEquals(Optional.of("k2"), AesGcmCipher.keyIdOf(again));
            assertArrayEquals(PLAINTEXT, cipher(false, k2).decrypt(again, CONTEXT));
        }
        byte[] changed = current.clone();
        changed[changed.length - 1] ^= 1;
        assertThrows(DecryptionException.class, () -> rotated.reencrypt(changed, CONTEXT), "checked, even when current");
    }

    @Test
    void theAssociatedDataOfTwoContextsDiffer() {
        CipherContext a = new CipherContext("ab", ID, 1, "c");
        CipherContext b = new CipherContext("a", ID, 1, "bc");
        assertFalse(Arrays.equals(a.associatedData(), b.associatedData()));
        assertEquals(4 + 2 + 16 + 8 + 4 + 1, a.associatedData().length);
    }
}
