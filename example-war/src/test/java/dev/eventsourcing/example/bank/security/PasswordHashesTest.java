package dev.eventsourcing.example.bank.security;

import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHashesTest {

    private static final String SALT = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void jakartaSecuritysPbkdf2PasswordHashVerifiesTheHashesMadeHere() {
        String hash = PasswordHashes.hash("correct horse".toCharArray(), 2048);
        Pbkdf2PasswordHashImpl jakarta = new Pbkdf2PasswordHashImpl();

        assertTrue(jakarta.verify("correct horse".toCharArray(), hash));
        assertFalse(jakarta.verify("correct horses".toCharArray(), hash));
        assertTrue(hash.startsWith("PBKDF2WithHmacSHA256:2048:"), hash);
        assertEquals(Optional.empty(), PasswordHashes.problem(hash));
    }

    @Test
    void eachHashHasASaltOfItsOwn() {
        assertNotEquals(PasswordHashes.hash("same".toCharArray(), 1024), PasswordHashes.hash("same".toCharArray(), 1024));
    }

    @Test
    void hashesMadeByJakartaSecurityAreWellFormedHere() {
        assertEquals(Optional.empty(), PasswordHashes.problem(new Pbkdf2PasswordHashImpl().generate("x".toCharArray())));
    }

    @Test
    void tooFewIterationsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PasswordHashes.hash("x".toCharArray(), 1023));
    }

    @Test
    void malformedHashesAreNamedWithoutBeingQuoted() {
        String truncated = "PBKDF2WithHmacSHA256:600000:" + SALT;
        assertAll(
                () -> assertProblem("plaintext", "must have the form"),
                () -> assertProblem(truncated, "but has 3 part(s)"),
                () -> assertProblem("MD5:600000:" + SALT + ":" + SALT, "algorithm must be one of"),
                () -> assertProblem("PBKDF2WithHmacSHA256:1000:" + SALT + ":" + SALT, "at least 1024"),
                () -> assertProblem("PBKDF2WithHmacSHA256:many:" + SALT + ":" + SALT, "whole number"),
                () -> assertProblem("PBKDF2WithHmacSHA256:99999999999:" + SALT + ":" + SALT, "whole number"),
                () -> assertProblem("PBKDF2WithHmacSHA256:600000:%%%:" + SALT, "salt is not Base64"),
                () -> assertProblem("PBKDF2WithHmacSHA256:600000:" + SALT + ":AAAA", "hash must be at least 16 bytes"));
        assertFalse(PasswordHashes.problem(truncated).orElseThrow().contains(SALT));
    }

    private static void assertProblem(String encoded, String expected) {
        String problem = PasswordHashes.problem(encoded).orElseThrow(() -> new AssertionError("accepted " + encoded));
        assertTrue(problem.contains(expected), problem);
    }
}
