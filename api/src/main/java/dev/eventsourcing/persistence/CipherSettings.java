package dev.eventsourcing.persistence;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;

import java.util.Optional;

/**
 * Reads the cipher the settings ask for: {@value Settings#CIPHER_KEY} (one key, whose id is
 * {@value CipherKey#DEFAULT_ID}) or {@value Settings#CIPHER_KEYS} (several, the first
 * encrypting), and {@value Settings#CIPHER_ACCEPT_LEGACY}. Errors name the setting, never a key.
 */
final class CipherSettings {

    private CipherSettings() {
    }

    /**
     * The cipher the settings configure, or empty when they set no key.
     *
     * @throws ConfigurationException when both key settings are set, or a value is not understood
     */
    static Optional<Cipher> cipher(Settings settings) {
        Optional<String> single = settings.get(Settings.CIPHER_KEY);
        Optional<String> several = settings.get(Settings.CIPHER_KEYS);
        if (single.isPresent() && several.isPresent()) {
            throw new ConfigurationException("Settings '" + Settings.CIPHER_KEY + "' and '" + Settings.CIPHER_KEYS
                    + "' are both set; set only '" + Settings.CIPHER_KEYS + "', with the key of '" + Settings.CIPHER_KEY
                    + "' under the id '" + CipherKey.DEFAULT_ID + "' (" + Settings.CIPHER_KEYS + "=<new id>:<new key>,"
                    + CipherKey.DEFAULT_ID + ":<old key>)");
        }
        if (single.isEmpty() && several.isEmpty()) {
            return Optional.empty();
        }
        boolean acceptLegacy = settings.getBoolean(Settings.CIPHER_ACCEPT_LEGACY, true);
        return Optional.of(new AesGcmCipher(single.isPresent() ? singleKey(single.get()) : keys(several.get()), acceptLegacy));
    }

    private static CipherKeys singleKey(String value) {
        try {
            return CipherKeys.of(CipherKey.of(CipherKey.DEFAULT_ID, value.trim()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Setting '" + Settings.CIPHER_KEY
                    + "' must be the base64 encoding of a 32-byte AES key: " + e.getMessage(), e);
        }
    }

    private static CipherKeys keys(String value) {
        try {
            return CipherKeys.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Setting '" + Settings.CIPHER_KEYS + "' must list id:base64 entries,"
                    + " separated by commas, the encrypting key first: " + e.getMessage(), e);
        }
    }
}
