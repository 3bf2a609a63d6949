package dev.eventsourcing.example.bank.security;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserDirectoryTest {

    private static final BankUser TELLER = new BankUser("teller", PasswordHashes.hash("s3cret".toCharArray(), 1024),
            Set.of("teller"));
    private static final BankUser AUDITOR = new BankUser("auditor", PasswordHashes.hash("l00k".toCharArray(), 1024),
            Set.of("auditor", "operator"));

    private final AtomicInteger hashChecks = new AtomicInteger();
    private final BiPredicate<char[], String> jakartaSecurity = (password, hash) -> {
        hashChecks.incrementAndGet();
        return new Pbkdf2PasswordHashImpl().verify(password, hash);
    };
    private final UserDirectory users = new UserDirectory(Map.of("teller", TELLER, "auditor", AUDITOR), jakartaSecurity);

    @Test
    void aUserWithItsPasswordIsTheCallerWithItsRolesAsGroups() {
        CredentialValidationResult result = users.validate(new UsernamePasswordCredential("auditor", "l00k"));

        assertEquals(CredentialValidationResult.Status.VALID, result.getStatus());
        assertEquals("auditor", result.getCallerPrincipal().getName());
        assertEquals(Set.of("auditor", "operator"), result.getCallerGroups());
    }

    @Test
    void aWrongPasswordAnotherUsersPasswordOrAnUnknownUserIsInvalid() {
        assertSame(CredentialValidationResult.INVALID_RESULT, users.validate(new UsernamePasswordCredential("teller", "S3cret")));
        assertSame(CredentialValidationResult.INVALID_RESULT, users.validate(new UsernamePasswordCredential("teller", "l00k")));
        assertSame(CredentialValidationResult.INVALID_RESULT, users.validate(new UsernamePasswordCredential("teller", "")));
        assertSame(CredentialValidationResult.INVALID_RESULT, users.validate(new UsernamePasswordCredential("mallory", "s3cret")));
    }

    @Test
    void anUnknownUserCostsAHashCheckAsAWrongPasswordDoes() {
        users.validate(new UsernamePasswordCredential("mallory", "s3cret"));

        assertEquals(1, hashChecks.get());
    }

    @Test
    void onlyTheFirstRequestOfAUserPaysForTheHashAndAWrongPasswordAlways() {
        for (int i = 0; i < 3; i++) {
            assertEquals(CredentialValidationResult.Status.VALID,
                    users.validate(new UsernamePasswordCredential("teller", "s3cret")).getStatus());
        }
        users.validate(new UsernamePasswordCredential("teller", "guess"));
        users.validate(new UsernamePasswordCredential("teller", "guess"));

        assertEquals(3, hashChecks.get());
    }

    @Test
    void withoutUsersEveryoneIsRefusedAndTheStartUpMessageSaysHowToConfigureThem() {
        UserDirectory none = new UserDirectory(Map.of(), jakartaSecurity);

        assertSame(CredentialValidationResult.INVALID_RESULT, none.validate(new UsernamePasswordCredential("teller", "s3cret")));
        assertTrue(none.isEmpty());
        String message = none.startUpMessage();
        assertTrue(message.contains("answers every request with 401"), message);
        assertTrue(message.contains("'bank.security.users'") && message.contains("'bank.security.user.<name>.password-hash'")
                && message.contains("'bank.security.user.<name>.roles'") && message.contains("HashPassword"), message);
    }

    @Test
    void theStartUpMessageNamesUsersAndRolesButNoHash() {
        String message = users.startUpMessage();

        assertEquals("The bank's API has 2 user(s): [auditor [auditor, operator], teller [teller]]", message);
        assertFalse(message.contains("PBKDF2"), message);
    }
}
