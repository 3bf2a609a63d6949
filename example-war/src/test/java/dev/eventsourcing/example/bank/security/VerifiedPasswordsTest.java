package dev.eventsourcing.example.bank.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifiedPasswordsTest {

    private final VerifiedPasswords verified = new VerifiedPasswords();

    @Test
    void onlyTheRememberedPasswordOfThatUserMatches() {
        verified.remember("teller", "secret".toCharArray());

        assertTrue(verified.matches("teller", "secret".toCharArray()));
        assertFalse(verified.matches("teller", "Secret".toCharArray()));
        assertFalse(verified.matches("auditor", "secret".toCharArray()));
    }

    @Test
    void nothingMatchesBeforeAPasswordWasVerified() {
        assertFalse(verified.matches("teller", "".toCharArray()));
    }

    @Test
    void anotherProcessRemembersUnderAnotherKey() {
        verified.remember("teller", "secret".toCharArray());
        VerifiedPasswords other = new VerifiedPasswords();

        assertFalse(other.matches("teller", "secret".toCharArray()));
    }
}
