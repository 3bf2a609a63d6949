package dev.eventsourcing.example.bank.application;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Repository;
import dev.eventsourcing.example.bank.domainmodel.Account;
import dev.eventsourcing.jpa.DatabaseStrategy;
import dev.eventsourcing.jpa.JpaApplicationRecorder;
import dev.eventsourcing.jpa.JpaSchema;
import dev.eventsourcing.jpa.JpaTrackingRecorder;
import dev.eventsourcing.jpa.JpaTransactions;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.TrackingRecorder;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Objects;

/**
 * TEMPORARY: makes the bank's application, repository and the projection's tracking recorder
 * injectable, on the JPA event store in the container's transactions, until the CDI extension
 * does. Removed when the extension lands.
 */
@Singleton
@Startup
public class BankProducer {

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    private Application bank;
    private TrackingRecorder tracking;

    @PostConstruct
    void start() {
        JpaTransactions transactions = JpaTransactions.joining(em);
        Object name = em.getEntityManagerFactory().getProperties().get("dev.eventsourcing.database");
        DatabaseStrategy database = DatabaseStrategy.named(Objects.toString(name, "h2"));
        JpaSchema.createTables(transactions, database);
        JpaApplicationRecorder recorder = new JpaApplicationRecorder("Bank", transactions, database);
        recorder.register();
        bank = new Application(Settings.empty()) {
            @Override
            public String name() {
                return "Bank";
            }

            @Override
            protected ApplicationRecorder constructRecorder(InfrastructureFactory factory) {
                return recorder;
            }
        };
        tracking = new JpaTrackingRecorder(AccountSummaries.NAME, transactions);
    }

    @Produces
    public Application bank() {
        return bank;
    }

    @Produces
    public Repository<Account> accounts() {
        return bank.repository(Account.class);
    }

    @Produces
    public TrackingRecorder tracking() {
        return tracking;
    }
}
