package dev.eventsourcing.example.bank.security;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The user name and password of an {@code Authorization: Basic …} header (RFC 7617): Base64 of
 * UTF-8 {@code name:password}, split at the first colon, so that a password may hold colons
 * and may be empty. Anything else (another scheme, text that is not Base64, no colon) carries
 * no credentials.
 */
final class BasicCredentials {

    private static final String SCHEME = "basic ";

    private BasicCredentials() {
    }

    /** The credentials in the header's value, if it holds Basic ones. */
    static Optional<UsernamePasswordCredential> parse(String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(SCHEME.length()).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
}
