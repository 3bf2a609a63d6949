package dev.eventsourcing.example.bank.security;

import dev.eventsourcing.ConfigurationException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The settings that name the users of the bank's API, read from MicroProfile Config (system
 * properties, environment variables, …); the WAR itself sets none, so a server given none
 * refuses every request:
 * <pre>
 * bank.security.users=alice,bob
 * bank.security.user.alice.password-hash=PBKDF2WithHmacSHA256:600000:…:…
 * bank.security.user.alice.roles=teller
 * bank.security.user.bob.password-hash=…
 * bank.security.user.bob.roles=auditor,operator
 * </pre>
 * The hashes are made by {@link HashPassword}; roles are those of {@link BankRoles}. As
 * environment variables, the keys are written upper case with {@code _} for {@code .} and
 * {@code -}: {@code BANK_SECURITY_USER_ALICE_PASSWORD_HASH}.
 */
public final class UserSettings {

    /** The names of the users, separated by commas. */
    public static final String USERS = "bank.security.users";
    /** The form of the key of a user's password hash. */
    public static final String PASSWORD_HASH = "bank.security.user.<name>.password-hash";
    /** The form of the key of a user's roles, separated by commas. */
    public static final String ROLES = "bank.security.user.<name>.roles";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private UserSettings() {
    }

    /** The key of the user's password hash. */
    public static String passwordHashKey(String user) {
        return PASSWORD_HASH.replace("<name>", user);
    }

    /** The key of the user's roles. */
    public static String rolesKey(String user) {
        return ROLES.replace("<name>", user);
    }

    /**
     * The users that the settings name, by name, in the order named; empty when
     * {@value #USERS} is not set.
     *
     * @param settings the value of a key, empty when it is not set (or set to nothing)
     * @throws ConfigurationException naming the key when a user name is not 1 to 64 letters,
     *         digits, {@code _} or {@code -}, or is named twice, or a user has no password hash
     *         or a malformed one (whose value is not quoted), or no roles or one that the bank
     *         does not know
     */
    public static Map<String, BankUser> read(Function<String, Optional<String>> settings) {
        Map<String, BankUser> users = new LinkedHashMap<>();
        for (String name : list(settings.apply(USERS))) {
            if (!NAME.matcher(name).matches()) {
                throw new ConfigurationException("Setting '" + USERS + "' names the user '" + name + "'; a user name"
                        + " must be 1 to 64 letters, digits, '_' or '-'");
            }
            if (users.put(name, new BankUser(name, passwordHash(settings, name), roles(settings, name))) != null) {
                throw new ConfigurationException("Setting '" + USERS + "' names the user '" + name + "' twice");
            }
        }
        return users;
    }

    private static String passwordHash(Function<String, Optional<String>> settings, String name) {
        String key = passwordHashKey(name);
        String hash = settings.apply(key).map(String::strip).filter(h -> !h.isEmpty())
                .orElseThrow(() -> new ConfigurationException("Setting '" + key + "' is missing: user '" + name
                        + "' (named by '" + USERS + "') needs the hash of its password; make one with "
                        + HashPassword.class.getName()));
        PasswordHashes.problem(hash).ifPresent(problem -> {
            throw new ConfigurationException("Setting '" + key + "' is no password hash: " + problem);
        });
        return hash;
    }

    private static Set<String> roles(Function<String, Optional<String>> settings, String name) {
        String key = rolesKey(name);
        Set<String> roles = new TreeSet<>(list(settings.apply(key)));
        if (roles.isEmpty()) {
            throw new ConfigurationException("Setting '" + key + "' is missing: user '" + name + "' needs at least"
                    + " one of the roles " + new TreeSet<>(BankRoles.ALL));
        }
        Set<String> unknown = roles.stream().filter(r -> !BankRoles.ALL.contains(r)).collect(Collectors.toCollection(TreeSet::new));
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("Setting '" + key + "' (value '" + settings.apply(key).orElse("")
                    + "') names unknown roles " + unknown + "; the bank's roles are " + new TreeSet<>(BankRoles.ALL));
        }
        return roles;
    }

    private static java.util.List<String> list(Optional<String> value) {
        return value.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
