package dev.eventsourcing.application;

import dev.eventsourcing.persistence.AesGcmCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line of re-encryption: arguments, settings and exit statuses (the stores' runs are in the backends' suites). */
class ReencryptionCommandTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ReencryptionCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutAnApplicationNameOrWithAnUnknownArgumentItPrintsTheUsage() {
        assertEquals(2, run());
        assertTrue(err().contains("No application name") && err().contains(ReencryptionCommand.USAGE), err());
        err.reset();
        assertEquals(2, run("Bank", "--batchsize=5"));
        assertTrue(err().contains("Unknown argument '--batchsize=5'"), err());
        err.reset();
        assertEquals(2, run("Bank", "a.properties", "b.properties"));
        assertTrue(err().contains("Unknown argument 'b.properties'"), err());
    }

    @Test
    void settingsWithoutACipherOrAMissingFileAreConfigurationErrors() throws IOException {
        Path settings = Files.writeString(directory.resolve("bank.properties"), "compressor=zlib\n");
        assertEquals(2, run("Bank", settings.toString()));
        assertTrue(err().contains("Cannot re-encrypt application 'Bank': Application 'Bank' has no cipher"), err());
        err.reset();
        assertEquals(2, run("Bank", directory.resolve("missing.properties").toString()));
        assertTrue(err().contains("Cannot read the settings file"), err());
    }

    @Test
    void settingsUnderAPrefixAreReadAsTheContainerReadsThemAndKeysAreNeverPrinted() throws IOException {
        String key = AesGcmCipher.generateKey();
        Path settings = Files.writeString(directory.resolve("microprofile-config.properties"),
                "eventsourcing.Bank.cipher.keys=k2:" + key + "\ncipher.keys=not:read\n");

        assertEquals(0, run("Bank", settings.toString(), "--prefix=eventsourcing.", "--batch-size=10"), err());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals("Application 'Bank': 0 stored events, snapshots and subject keys examined, 0 re-encrypted, 0 already current,"
                + " 0 failed", printed.strip());
        assertFalse(printed.contains(key) || err().contains(key));
    }
}
