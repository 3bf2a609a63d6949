package dev.eventsourcing.persistence;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CipherSettingsTest {

    private static final String K1 = AesGcmCipher.generateKey();
    private static final String K2 = AesGcmCipher.generateKey();
    private static final CipherContext CONTEXT = new CipherContext("Bank", UUID.randomUUID(), 1, "t");
    private static final byte[] PLAINTEXT = {1, 2, 3};

    private static AesGcmCipher cipher(Map<String, String> settings) {
        return (AesGcmCipher) Mapper.builder(Settings.of(settings)).build().cipher().orElseThrow();
    }

    @Test
    void severalKeysAreReadTheFirstEncryptingAndEachDecryptingItsOwn() {
        AesGcmCipher rotated = cipher(Map.of(Settings.CIPHER_KEYS, " k2:" + K2 + " ,\tk1:" + K1 + " "));
        AesGcmCipher old = cipher(Map.of(Settings.CIPHER_KEYS, "k1:" + K1));

        assertEquals(List.of("k2", "k1"), rotated.keys().ids());
        assertTrue(rotated.acceptsLegacy());
        byte[] written = rotated.encrypt(PLAINTEXT, CONTEXT);
        assertEquals(Optional.of("k2"), AesGcmCipher.keyIdOf(written));
        assertArrayEquals(PLAINTEXT, rotated.decrypt(old.encrypt(PLAINTEXT, CONTEXT), CONTEXT));
    }

    @Test
    void theSingleKeyHasTheDefaultIdAndReadsUnderItInTheKeyList() {
        byte[] written = cipher(Map.of(Settings.CIPHER_KEY, K1)).encrypt(PLAINTEXT, CONTEXT);

        assertEquals(Optional.of("default"), AesGcmCipher.keyIdOf(written));
        AesGcmCipher rotated = cipher(Map.of(Settings.CIPHER_KEYS, "k2:" + K2 + ",default:" + K1));
        assertArrayEquals(PLAINTEXT, rotated.decrypt(written, CONTEXT));
    }

    @Test
    void legacyStatesAreRefusedWhenTheSettingSaysSo() {
        assertFalse(cipher(Map.of(Settings.CIPHER_KEY, K1, Settings.CIPHER_ACCEPT_LEGACY, "false")).acceptsLegacy());
        assertFalse(cipher(Map.of(Settings.CIPHER_KEYS, "k1:" + K1, Settings.CIPHER_ACCEPT_LEGACY, "no")).acceptsLegacy());
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Mapper.builder(Settings.of(
                Map.of(Settings.CIPHER_KEY, K1, Settings.CIPHER_ACCEPT_LEGACY, "never"))));
        assertTrue(e.getMessage().contains("'cipher.accept-legacy'"), e.getMessage());
    }

    @Test
    void bothKeySettingsAtOnceAreRefusedSayingHowToMoveToTheList() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Mapper.builder(Settings.of(
                Map.of(Settings.CIPHER_KEY, K1, Settings.CIPHER_KEYS, "k2:" + K2))));
        assertTrue(e.getMessage().contains("'cipher.key' and 'cipher.keys' are both set"), e.getMessage());
        assertTrue(e.getMessage().contains("default:<old key>"), e.getMessage());
        assertFalse(e.getMessage().contains(K1) || e.getMessage().contains(K2), e.getMessage());
    }

    @Test
    void malformedKeyListsAreRefusedNamingTheEntryButNoKey() {
        String shortKey = java.util.Base64.getEncoder().encodeToString(new byte[16]);
        Map<String, String> cases = Map.of(
                K1, "Entry 1 is not of the form id:base64",
                "k2:" + K2 + ",", "Entry 2 is not of the form id:base64 (it is empty)",
                ":" + K1, "Entry 1 has no valid key id",
                "k 1:" + K1, "Entry 1 has no valid key id",
                "k1:" + K1 + ",k1:" + K2, "Key id 'k1' is given twice",
                "k1:" + K1 + ",k2:" + shortKey, "Entry 2: AES-256 key 'k2' must be 32 bytes, was 16 bytes",
                "k1:" + K1.substring(1), "Entry 1: AES key 'k1' is not valid base64",
                "subject:" + UUID.randomUUID() + ":" + K1, "Entry 1: AES key 'subject' is not valid base64");
        cases.forEach((value, expected) -> {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> Mapper.builder(Settings.of(Map.of(Settings.CIPHER_KEYS, value))), value);
            assertTrue(e.getMessage().startsWith("Setting 'cipher.keys' must list id:base64 entries"), e.getMessage());
            assertTrue(e.getMessage().contains(expected), e.getMessage());
            for (String key : List.of(K1, K2, K1.substring(1), shortKey)) {
                assertFalse(e.getMessage().contains(key), e.getMessage());
            }
        });
    }

    @Test
    void applicationKeyIdsCannotTakeTheSubjectPrefix() {
        assertFalse(CipherKey.isApplicationKeyId(CipherKey.SUBJECT_PREFIX + UUID.randomUUID()));
        assertTrue(CipherKey.of(CipherKey.SUBJECT_PREFIX + UUID.randomUUID(), new byte[32]).isSubjectKey());
        assertFalse(CipherKey.generate("k1").isSubjectKey());
        assertEquals("CipherKey[k1]", CipherKey.generate("k1").toString());
    }
}
