package dev.eventsourcing.cdi;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.bank.BankAccount;

import java.math.BigDecimal;
import java.util.UUID;

/** An application subclass as users write one: configured by the settings the extension passes. */
public class Bank extends Application {

    public Bank(Settings settings) {
        super(settings);
    }

    public UUID open(String name) {
        BankAccount account = BankAccount.open(name, name.toLowerCase() + "@example.com");
        save(account);
        return account.id();
    }

    public void deposit(UUID id, String amount) {
        BankAccount account = repository(BankAccount.class).get(id);
        account.deposit(new BigDecimal(amount));
        save(account);
    }
}
