package dev.eventsourcing.application;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link RemoteNotificationLog} sends to prove who it is: HTTP Basic (a user name and a
 * password) or a bearer token, in the {@code Authorization} header of every request.
 *
 * <p>The secret never leaves this object except in that header: {@link #toString()} names only
 * the scheme, and {@link #redact} takes the secret (and its encoded form) out of text that a
 * server sent back before the text goes into an exception message.
 */
public final class HttpCredentials {

    private static final String HIDDEN = "***";

    private final String scheme;
    private final String authorization;
    private final List<String> secrets;

    private HttpCredentials(String scheme, String authorization, List<String> secrets) {
        this.scheme = scheme;
        this.authorization = authorization;
        this.secrets = secrets;
    }

    /**
     * HTTP Basic credentials (RFC 7617, UTF-8).
     *
     * @param username the user name; not empty, no colon
     * @param password the password; not empty
     * @return credentials sending {@code Authorization: Basic …}
     * @throws NullPointerException when either is null
     * @throws IllegalArgumentException when the user name is empty or holds a colon, or the
     *         password is empty (the message names neither)
     */
    public static HttpCredentials basic(String username, String password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isEmpty() || username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("An HTTP Basic user name must be non-empty and hold no colon");
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("An HTTP Basic password must be non-empty");
        }
        String encoded = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new HttpCredentials("Basic", "Basic " + encoded, List.of(encoded, password));
    }

    /**
     * A bearer token (RFC 6750).
     *
     * @param token the token as the server issued it; not empty, no whitespace
     * @return credentials sending {@code Authorization: Bearer …}
     * @throws NullPointerException when the token is null
     * @throws IllegalArgumentException when the token is empty or holds whitespace (the message
     *         does not show it)
     */
    public static HttpCredentials bearer(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isEmpty() || token.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("A bearer token must be non-empty and hold no whitespace");
        }
        return new HttpCredentials("Bearer", "Bearer " + token, List.of(token));
    }

    /** The value of the {@code Authorization} header. */
    String authorization() {
        return authorization;
    }

    /**
     * Takes the secret out of text, such as a server's error body, before it is shown.
     *
     * @param text the text to clean; not null
     * @return the text with every occurrence of the secret, plain or encoded, replaced by
     *         {@code ***}
     */
    public String redact(String text) {
        String redacted = text;
        for (String secret : secrets) {
            redacted = redacted.replace(secret, HIDDEN);
        }
        return redacted;
    }

    /** The scheme only, e.g. {@code HttpCredentials[Basic]}: never the secret. */
    @Override
    public String toString() {
        return "HttpCredentials[" + scheme + "]";
    }
}
