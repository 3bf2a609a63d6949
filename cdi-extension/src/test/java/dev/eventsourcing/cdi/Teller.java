package dev.eventsourcing.cdi;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Repository;
import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.persistence.Recording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A service bean as users write one: an application and a repository injected. */
@ApplicationScoped
public class Teller {

    @Inject
    Application bank;

    @Inject
    Repository<BankAccount> accounts;

    public UUID open(String name) {
        BankAccount account = BankAccount.open(name, name.toLowerCase() + "@example.com");
        bank.save(account);
        return account.id();
    }

    public long deposit(UUID id, String amount) {
        BankAccount account = accounts.get(id);
        account.deposit(new BigDecimal(amount));
        List<Recording> recordings = bank.save(account);
        return recordings.get(recordings.size() - 1).notificationId();
    }

    public Application application() {
        return bank;
    }

    public BigDecimal balance(UUID id) {
        return accounts.get(id).balance();
    }
}
