/**
 * Who may call the bank's API: Jakarta Security's HTTP Basic authentication
 * ({@link dev.eventsourcing.example.bank.security.BasicAuthentication}) against the users that
 * the server's configuration names ({@link dev.eventsourcing.example.bank.security.UserSettings}:
 * a PBKDF2 hash of each password, never the password, and roles), checked by
 * {@link dev.eventsourcing.example.bank.security.BankIdentityStore}. Which role may call which
 * path is said in {@code WEB-INF/web.xml}; {@link dev.eventsourcing.example.bank.security.HashPassword}
 * makes the hashes.
 */
package dev.eventsourcing.example.bank.security;
