package dev.eventsourcing.jpa;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.ReencryptionCommand;
import dev.eventsourcing.application.bank.BankAccounts;
import dev.eventsourcing.persistence.AesGcmCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Re-encryption from the command line, with the application's settings in a file, on a JPA store. */
class H2ReencryptionCommandTest {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    private static final List<String> STORE_KEYS = List.of(Settings.PERSISTENCE_MODULE, JpaSettings.PERSISTENCE_UNIT,
            JpaSettings.URL, JpaSettings.USER, JpaSettings.PASSWORD, JpaSettings.DATABASE, JpaSettings.CREATE_TABLES);

    @TempDir
    Path directory;

    @Test
    void theCommandReencryptsTheStoredEventsOfTheApplicationItNames() throws IOException {
        Settings store = DATABASE.freshStoreSettings();
        String k1 = AesGcmCipher.generateKey();
        String k2 = AesGcmCipher.generateKey();
        // The first application stays open to the end, so that the command and the last reader
        // share its persistence unit (opened once per settings) instead of starting one each.
        try (BankAccounts old = new BankAccounts(Settings.of(Map.of("cipher.keys", "k1:" + k1)).orElse(store))) {
            UUID id = old.openAccount("Alice", "alice@example.com");
            old.deposit(id, new BigDecimal("10.00"));
            Path settings = settingsFile(store, "eventsourcing.BankAccounts.cipher.keys=k2:" + k2 + ",k1:" + k1 + "\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int status = ReencryptionCommand.run(new String[] {"BankAccounts", settings.toString(), "--prefix=eventsourcing."},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

            String printed = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
            assertEquals("Application 'BankAccounts': 2 stored events, snapshots and subject keys examined, 2 re-encrypted,"
                    + " 0 already current, 0 failed", printed.strip());
            assertFalse(printed.contains(k1) || printed.contains(k2));
            try (BankAccounts renewed = new BankAccounts(Settings.of(Map.of("cipher.keys", "k2:" + k2)).orElse(store))) {
                assertEquals(new BigDecimal("10.00"), renewed.balance(id));
                assertTrue(renewed.recorder().selectEvents(id).stream()
                        .allMatch(event -> AesGcmCipher.keyIdOf(event.state()).orElseThrow().equals("k2")));
            }
        }
    }

    /** A container's settings file: the store's settings and these lines, under the prefix {@code eventsourcing.}. */
    private Path settingsFile(Settings store, String lines) throws IOException {
        StringBuilder file = new StringBuilder(lines);
        for (String key : STORE_KEYS) {
            store.get(key).ifPresent(value -> file.append("eventsourcing.").append(key).append('=').append(value).append('\n'));
        }
        return Files.writeString(directory.resolve("microprofile-config.properties"), file);
    }
}
