package dev.eventsourcing.cdi.docs;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Repository;
import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.persistence.Recording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The README's service bean. */
@ApplicationScoped
public class Accounts {
    @Inject Application bank;                    // the deployment's application
    @Inject Repository<BankAccount> accounts;    // gets aggregates by id (or at a version)

    public UUID open(String name, String email) {
        BankAccount account = BankAccount.open(name, email);
        bank.save(account);                      // in a container: joins the caller's JTA transaction
        return account.id();
    }

    public long deposit(UUID id, BigDecimal amount) {
        BankAccount account = accounts.get(id);
        account.deposit(amount);
        List<Recording> recordings = bank.save(account);
        return recordings.get(recordings.size() - 1).notificationId();
    }
}
