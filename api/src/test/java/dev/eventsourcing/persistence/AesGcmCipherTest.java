package dev.eventsourcing.persistence;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AesGcmCipherTest {

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
            assertEquals("AES-256 key must be 32 bytes, was " + size + " bytes; make one with AesGcmCipher.generateKey()",
                    e.getMessage());
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
    void encryptedDataIsNonceCiphertextAndTagAndDecryptsBack() {
        AesGcmCipher cipher = new AesGcmCipher(AesGcmCipher.generateKey());
        byte[] plaintext = "{\"t\":\"2026-01-01T00:00:00Z\",\"d\":{}}".getBytes(StandardCharsets.UTF_8);
        byte[] encrypted = cipher.encrypt(plaintext);
        assertEquals(plaintext.length + 12 + 16, encrypted.length);
        assertArrayEquals(plaintext, cipher.decrypt(encrypted));
        assertArrayEquals(new byte[0], cipher.decrypt(cipher.encrypt(new byte[0])));
    }

    @Test
    void theSameKeyGivenAgainDecryptsWhatTheFirstEncrypted() {
        String key = AesGcmCipher.generateKey();
        byte[] encrypted = new AesGcmCipher(key).encrypt(new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, new AesGcmCipher(" " + key + "\n").decrypt(encrypted));
    }

    @Test
    void anotherKeyOrChangedOrTruncatedDataFailsWithADecryptionError() {
        AesGcmCipher cipher = new AesGcmCipher(AesGcmCipher.generateKey());
        byte[] encrypted = cipher.encrypt(new byte[] {1, 2, 3});
        DecryptionException wrongKey = assertThrows(DecryptionException.class,
                () -> new AesGcmCipher(AesGcmCipher.generateKey()).decrypt(encrypted));
        assertTrue(wrongKey.getMessage().contains("cipher key"), wrongKey.getMessage());
        byte[] changed = encrypted.clone();
        changed[changed.length - 1] ^= 0x40;
        assertThrows(DecryptionException.class, () -> cipher.decrypt(changed));
        assertThrows(DecryptionException.class, () -> cipher.decrypt(new byte[27]));
        assertThrows(DecryptionException.class, () -> cipher.decrypt(new byte[0]));
    }
}
