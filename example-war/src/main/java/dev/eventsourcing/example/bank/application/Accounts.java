package dev.eventsourcing.example.bank.application;

import dev.eventsourcing.application.AggregateNotFoundException;
import dev.eventsourcing.application.Repository;
import dev.eventsourcing.persistence.ShreddedException;
import dev.eventsourcing.example.bank.domainmodel.Account;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The bank's command and query service: each method runs in a container-managed transaction
 * (REQUIRED), so an account's new events are recorded, or not, together with everything else
 * the transaction writes.
 *
 * <p>Errors arrive unwrapped (they are declared application exceptions in {@code ejb-jar.xml})
 * and roll the transaction back: {@link dev.eventsourcing.application.AggregateNotFoundException}
 * for an unknown id, the domain model's {@code AccountException}s for refused commands, and an
 * {@link dev.eventsourcing.persistence.IntegrityException} when another transaction saved the
 * same account version first; the caller may then retry (see {@link ConflictRetry}). Commands on
 * one account in this server do not race: getting the account locks it for the transaction until
 * it ends (see {@link Repository#get(UUID)}), so the next command waits and then reads the new
 * version. Such a conflict comes from another server on the same database.
 */
@Stateless
public class Accounts {

    @Inject
    Bank bank;

    // The deployment has several applications; this repository is the bank's, the one that
    // declares Repository<Account>.
    @Inject
    Repository<Account> accounts;

    /** Opens an account and returns its id. */
    public UUID open(String fullName, String emailAddress) {
        Account account = Account.open(fullName, emailAddress);
        bank.save(account);
        return account.id();
    }

    /** The account at its latest version. */
    public Account get(UUID id) {
        return accounts.get(id);
    }

    /**
     * Shreds the personal data of the account (its holder's name and e-mail address): the bank
     * deletes the account's key, and the read model erases what it holds of them. The account's
     * balance history stays readable in the notification log; the account itself can no longer
     * be read or changed.
     *
     * @throws dev.eventsourcing.application.AggregateNotFoundException when there is no such account
     * @throws ShreddedException when its personal data was shredded already
     */
    public void shredPersonalData(UUID id) {
        if (!accounts.contains(id)) {
            throw new AggregateNotFoundException(id, "Account " + id + " not found");
        }
        if (!bank.shred(id)) {
            throw new ShreddedException(id, "The personal data of account " + id + " was shredded already");
        }
    }

    /** Pays money in and returns the account after it. */
    public Account deposit(UUID id, BigDecimal amount) {
        return change(id, account -> account.deposit(amount));
    }

    /** Pays money out and returns the account after it. */
    public Account withdraw(UUID id, BigDecimal amount) {
        return change(id, account -> account.withdraw(amount));
    }

    /** Sets the overdraft limit and returns the account after it. */
    public Account setOverdraftLimit(UUID id, BigDecimal limit) {
        return change(id, account -> account.setOverdraftLimit(limit));
    }

    /** Closes the account and returns it. */
    public Account close(UUID id) {
        return change(id, Account::close);
    }

    private Account change(UUID id, Consumer<Account> command) {
        Account account = accounts.get(id);
        command.accept(account);
        bank.save(account);
        return account;
    }
}
