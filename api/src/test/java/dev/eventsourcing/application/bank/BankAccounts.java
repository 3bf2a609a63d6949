package dev.eventsourcing.application.bank;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Repository;

import java.math.BigDecimal;
import java.util.UUID;

/** The bank accounts application of the scenario: commands get, change and save one account. */
public class BankAccounts extends Application {

    public BankAccounts(Settings settings) {
        super(settings);
    }

    public UUID openAccount(String fullName, String emailAddress) {
        BankAccount account = BankAccount.open(fullName, emailAddress);
        save(account);
        return account.id();
    }

    public void deposit(UUID id, BigDecimal amount) {
        BankAccount account = accounts().get(id);
        account.deposit(amount);
        save(account);
    }

    public void withdraw(UUID id, BigDecimal amount) {
        BankAccount account = accounts().get(id);
        account.withdraw(amount);
        save(account);
    }

    public void setOverdraftLimit(UUID id, BigDecimal limit) {
        BankAccount account = accounts().get(id);
        account.setOverdraftLimit(limit);
        save(account);
    }

    public void close(UUID id) {
        BankAccount account = accounts().get(id);
        account.close();
        save(account);
    }

    public BigDecimal balance(UUID id) {
        return accounts().get(id).balance();
    }

    public Repository<BankAccount> accounts() {
        return repository(BankAccount.class);
    }
}
