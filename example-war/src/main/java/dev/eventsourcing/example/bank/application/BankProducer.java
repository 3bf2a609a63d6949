package dev.eventsourcing.example.bank.application;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Repository;
import dev.eventsourcing.example.bank.domainmodel.Account;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * TEMPORARY: makes the bank's application and repository injectable until the CDI extension
 * does. Removed when the extension lands.
 */
@ApplicationScoped
public class BankProducer {

    private Application bank;

    @PostConstruct
    void start() {
        bank = new Application(Settings.systemProperties()) {
            @Override
            public String name() {
                return "Bank";
            }
        };
    }

    @Produces
    Application bank() {
        return bank;
    }

    @Produces
    Repository<Account> accounts() {
        return bank.repository(Account.class);
    }

    @PreDestroy
    void stop() {
        bank.close();
    }
}
