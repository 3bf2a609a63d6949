package dev.eventsourcing.example.bank.security;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BasicCredentialsTest {

    @Test
    void theNameEndsAtTheFirstColonAndThePasswordMayHoldMoreOrBeEmpty() {
        assertCredentials("teller", "pa:ss:word", "Basic " + base64("teller:pa:ss:word"));
        assertCredentials("teller", "", "Basic " + base64("teller:"));
        assertCredentials("ünï", "çødé", "basic " + base64("ünï:çødé"));
    }

    @Test
    void anythingElseCarriesNoCredentials() {
        assertTrue(BasicCredentials.parse(null).isEmpty());
        assertTrue(BasicCredentials.parse("Bearer abc").isEmpty());
        assertTrue(BasicCredentials.parse("Basic").isEmpty());
        assertTrue(BasicCredentials.parse("Basic %%%").isEmpty());
        assertTrue(BasicCredentials.parse("Basic " + base64("no colon")).isEmpty());
    }

    private static void assertCredentials(String name, String password, String header) {
        Optional<UsernamePasswordCredential> credential = BasicCredentials.parse(header);
        assertEquals(name, credential.orElseThrow().getCaller());
        assertEquals(password, credential.orElseThrow().getPasswordAsString());
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
