package dev.eventsourcing.example.bank.security;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;

import java.util.Comparator;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The bank's users, and the check of a caller's password: against what {@link VerifiedPasswords}
 * remembers of the user, else against the user's hash. A caller that names no user costs a
 * check against some user's hash all the same, so that the time of an answer does not tell
 * which names are users. Without users, everyone is refused.
 */
final class UserDirectory {

    private final Map<String, BankUser> users;
    private final BiPredicate<char[], String> hashMatches;
    private final VerifiedPasswords verified = new VerifiedPasswords();

    /**
     * @param users       the users by name
     * @param hashMatches whether a password matches an encoded hash (Jakarta Security's
     *                    {@code Pbkdf2PasswordHash#verify} in the container)
     */
    UserDirectory(Map<String, BankUser> users, BiPredicate<char[], String> hashMatches) {
        this.users = Map.copyOf(users);
        this.hashMatches = hashMatches;
    }

    /** The caller with its roles as groups when the password is the user's, else the invalid result. */
    CredentialValidationResult validate(UsernamePasswordCredential credential) {
        BankUser user = users.get(credential.getCaller());
        char[] password = credential.getPassword().getValue();
        if (user == null) {
            users.values().stream().findFirst().ifPresent(any -> hashMatches.test(password, any.passwordHash()));
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!verified.matches(user.name(), password)) {
            if (!hashMatches.test(password, user.passwordHash())) {
                return CredentialValidationResult.INVALID_RESULT;
            }
            verified.remember(user.name(), password);
        }
        return new CredentialValidationResult(user.name(), user.roles());
    }

    /** The line to log at start-up: the users and their roles, or, without users, how to configure them. */
    String startUpMessage() {
        if (users.isEmpty()) {
            return "No users are configured, so the bank's API answers every request with 401. Name them in the"
                    + " setting '" + UserSettings.USERS + "' and give each '" + UserSettings.PASSWORD_HASH + "' (made by "
                    + HashPassword.class.getName() + ") and '" + UserSettings.ROLES + "' (of "
                    + BankRoles.ALL.stream().sorted().toList() + "), as system properties or environment variables";
        }
        return "The bank's API has " + users.size() + " user(s): "
                + users.values().stream().sorted(Comparator.comparing(BankUser::name)).toList();
    }

    boolean isEmpty() {
        return users.isEmpty();
    }
}
