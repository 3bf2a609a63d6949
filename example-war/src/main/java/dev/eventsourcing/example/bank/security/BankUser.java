package dev.eventsourcing.example.bank.security;

import java.util.Objects;
import java.util.Set;

/**
 * A user of the bank's API: a name, the hash of its password (see {@link PasswordHashes}) and
 * its roles (see {@link BankRoles}). {@link #toString()} leaves the hash out.
 */
public record BankUser(String name, String passwordHash, Set<String> roles) {

    public BankUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        roles = Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return name + " " + roles.stream().sorted().toList();
    }
}
