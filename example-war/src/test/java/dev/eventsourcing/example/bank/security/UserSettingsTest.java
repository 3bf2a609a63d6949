package dev.eventsourcing.example.bank.security;

import dev.eventsourcing.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserSettingsTest {

    private static final String HASH = PasswordHashes.hash("pw".toCharArray(), 1024);

    private final Map<String, String> settings = new HashMap<>();

    @Test
    void noUsersAreConfiguredUnlessTheSettingNamesSome() {
        assertTrue(read().isEmpty());
        settings.put(UserSettings.USERS, " ");
        assertTrue(read().isEmpty());
    }

    @Test
    void eachNamedUserHasItsHashAndRoles() {
        settings.put("bank.security.users", "alice, bob");
        settings.put("bank.security.user.alice.password-hash", HASH);
        settings.put("bank.security.user.alice.roles", "teller");
        settings.put("bank.security.user.bob.password-hash", " " + HASH + " ");
        settings.put("bank.security.user.bob.roles", "auditor,operator");

        Map<String, BankUser> users = read();

        assertEquals(List.of("alice", "bob"), List.copyOf(users.keySet()));
        assertEquals(Set.of("teller"), users.get("alice").roles());
        assertEquals(Set.of("auditor", "operator"), users.get("bob").roles());
        assertEquals(HASH, users.get("bob").passwordHash());
        assertEquals("bob [auditor, operator]", users.get("bob").toString(), "no hash in what may be logged");
    }

    @Test
    void aUserWithoutAHashIsRefusedNamingTheKey() {
        settings.put(UserSettings.USERS, "alice");
        settings.put("bank.security.user.alice.roles", "teller");

        assertMessage("'bank.security.user.alice.password-hash' is missing");
    }

    @Test
    void aPlaintextPasswordIsRefusedWithoutQuotingIt() {
        settings.put(UserSettings.USERS, "alice");
        settings.put("bank.security.user.alice.password-hash", "hunter2");
        settings.put("bank.security.user.alice.roles", "teller");

        String message = assertMessage("'bank.security.user.alice.password-hash' is no password hash");
        assertFalse(message.contains("hunter2"), message);
    }

    @Test
    void missingAndUnknownRolesAreRefused() {
        settings.put(UserSettings.USERS, "alice");
        settings.put("bank.security.user.alice.password-hash", HASH);

        assertMessage("'bank.security.user.alice.roles' is missing");
        settings.put("bank.security.user.alice.roles", "teller,admin");
        assertMessage("names unknown roles [admin]");
    }

    @Test
    void badAndRepeatedUserNamesAreRefused() {
        settings.put("bank.security.user.alice.password-hash", HASH);
        settings.put("bank.security.user.alice.roles", "teller");

        settings.put(UserSettings.USERS, "alice,alice");
        assertMessage("names the user 'alice' twice");
        settings.put(UserSettings.USERS, "al:ce");
        assertMessage("a user name must be 1 to 64 letters");
    }

    private Map<String, BankUser> read() {
        return UserSettings.read(key -> Optional.ofNullable(settings.get(key)));
    }

    private String assertMessage(String expected) {
        String message = assertThrows(ConfigurationException.class, this::read).getMessage();
        assertTrue(message.contains(expected), message);
        return message;
    }
}
