package dev.eventsourcing.jpa;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of the text that describes a connection: the password parameters and the
 * user information of a JDBC URL ({@code ?password=…}, {@code ;password=…},
 * {@code //user:password@host}), and values known to be secret wherever they appear.
 */
final class Credentials {

    private static final String HIDDEN = "***";
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([\\w.-]*(?:password|passwd|pwd|secret|token)[\\w.-]*\\s*=)([^&;,)\\s]*)");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]*):([^@/\\s]*)@");

    private Credentials() {
    }

    /** The secrets a URL and a password setting hold: the password, and the URL's password values. */
    static List<String> secrets(String url, String password) {
        List<String> secrets = new ArrayList<>();
        if (password != null && !password.isEmpty()) {
            secrets.add(password);
        }
        if (url != null) {
            for (Pattern pattern : List.of(PASSWORD_PARAMETER, USER_INFO)) {
                Matcher matcher = pattern.matcher(url);
                while (matcher.find()) {
                    if (!matcher.group(2).isEmpty()) {
                        secrets.add(matcher.group(2));
                    }
                }
            }
        }
        return List.copyOf(secrets);
    }

    /** The text with URL passwords and the given secrets replaced by {@code ***}. */
    static String redact(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String redacted = PASSWORD_PARAMETER.matcher(text).replaceAll("$1" + HIDDEN);
        redacted = USER_INFO.matcher(redacted).replaceAll("$1:" + HIDDEN + "@");
        for (String secret : secrets) {
            redacted = redacted.replace(secret, HIDDEN);
        }
        return redacted;
    }

    /**
     * The failure itself when no text in it (messages of causes and suppressed exceptions) holds a
     * secret; otherwise a copy of its cause chain with the secrets taken out, which keeps the
     * types (in the messages) and the stack traces.
     */
    static Throwable safeCause(Throwable failure, Collection<String> secrets) {
        return holdsSecret(failure, secrets, new IdentityHashMap<>()) ? new Redacted(failure, secrets) : failure;
    }

    private static boolean holdsSecret(Throwable failure, Collection<String> secrets, Map<Throwable, Boolean> seen) {
        if (failure == null || seen.put(failure, Boolean.TRUE) != null) {
            return false;
        }
        String text = failure.toString();
        boolean holds = secrets.stream().anyMatch(text::contains) || !text.equals(redact(text, List.of()));
        for (Throwable suppressed : failure.getSuppressed()) {
            holds |= holdsSecret(suppressed, secrets, seen);
        }
        return holds || holdsSecret(failure.getCause(), secrets, seen);
    }

    /** Stands in for an exception whose message held a secret: its type and redacted message. */
    static final class Redacted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Redacted(Throwable original, Collection<String> secrets) {
            super(original.getClass().getName() + ": " + redact(original.getMessage(), secrets),
                    original.getCause() == null || original.getCause() == original ? null
                            : new Redacted(original.getCause(), secrets), false, true);
            setStackTrace(original.getStackTrace());
        }
    }
}
