package dev.eventsourcing.example.bank.application;

import dev.eventsourcing.application.AggregateNotFoundException;
import dev.eventsourcing.cdi.EventStoreReset;
import dev.eventsourcing.example.bank.BankDeployment;
import dev.eventsourcing.example.bank.domainmodel.Account;
import dev.eventsourcing.testing.container.ContainerFixture;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The test fixtures inside the server: each test starts from an empty event store and read
 * model, and waits for the projections through the fixture. The deployment is the bank with the
 * testing jar added, and in that jar the setting that allows emptying the store.
 */
@ExtendWith(ArquillianExtension.class)
class ContainerFixtureIT {

    @Deployment
    static WebArchive deployment() {
        JavaArchive testing = ShrinkWrap.create(JavaArchive.class, "eventsourcing-testing.jar")
                .addPackages(true, ContainerFixture.class.getPackage().getName())
                .addAsManifestResource(new StringAsset("<beans bean-discovery-mode=\"annotated\" version=\"4.0\"/>"),
                        "beans.xml")
                .addAsManifestResource(new StringAsset("eventsourcing." + EventStoreReset.ENABLED + "=true\n"),
                        "microprofile-config.properties");
        return BankDeployment.war().addClass(ContainerFixtureIT.class).addAsLibrary(testing);
    }

    @Inject
    ContainerFixture fixture;

    @Inject
    Accounts accounts;

    @Inject
    AccountSummaries summaries;

    @Inject
    Bank bank;

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Inject
    UserTransaction transaction;

    @BeforeEach
    void startFromAnEmptyStore() {
        fixture.emptyStore(() -> em.createQuery("DELETE FROM AccountSummary").executeUpdate());
    }

    @Test
    void aTestStartsWithNoEventAndNoSummaryAndSeesOnlyItsOwnAccount() throws Exception {
        assertOnlyOwnAccountAfterOpeningOne("Ulla");
    }

    @Test
    void anotherTestAlsoStartsWithNoEventAndNoSummary() throws Exception {
        assertOnlyOwnAccountAfterOpeningOne("Vera");
    }

    @Test
    void anAccountSavedBeforeTheStoreWasEmptiedIsNotFoundNotEvenInTheCache() {
        UUID id = accounts.open("Wim", "wim@example.com");
        assertEquals("Wim", bank.repository(Account.class).get(id).fullName());

        fixture.emptyStore(() -> em.createQuery("DELETE FROM AccountSummary").executeUpdate());

        assertThrows(AggregateNotFoundException.class, () -> bank.repository(Account.class).get(id));
    }

    @Test
    void aWaitThatTimesOutSaysWhereTheProjectionIs() throws Exception {
        UUID id = accounts.open("Xena", "xena@example.com");
        fixture.waitUntilCaughtUp();
        long last = inTransaction(() -> bank.recorder().maxNotificationId());

        AssertionError error = assertThrows(AssertionError.class,
                () -> fixture.waitFor(AccountSummaries.NAME, bank.name(), last + 1, Duration.ofMillis(300)));

        assertTrue(error.getMessage().startsWith("Reader 'AccountSummaries' has not processed log 'Bank' up to"
                + " notification " + (last + 1) + " within 300 ms. The readers:\n"), error.getMessage());
        assertTrue(error.getMessage().contains("'AccountSummaries' following 'Bank': at notification " + last
                + " of " + last), error.getMessage());
        assertEquals("Xena", summaries.find(id).fullName());
    }

    private void assertOnlyOwnAccountAfterOpeningOne(String name) throws Exception {
        assertTrue(inTransaction(() -> bank.recorder().selectNotifications(1, 10).isEmpty()), "no event at the start");
        assertEquals(0L, summaryCount(), "no summary at the start");

        UUID id = accounts.open(name, name.toLowerCase() + "@example.com");
        accounts.deposit(id, new BigDecimal("3.00"));
        fixture.waitUntilCaughtUp();

        assertEquals(2, inTransaction(() -> bank.recorder().selectNotifications(1, 10).size()));
        assertEquals(1L, summaryCount());
        assertEquals(new BigDecimal("3.00"), summaries.find(id).balance());
    }

    private long summaryCount() throws Exception {
        return inTransaction(() -> em.createQuery("SELECT COUNT(s) FROM AccountSummary s", Long.class).getSingleResult());
    }

    private <T> T inTransaction(Callable<T> work) throws Exception {
        transaction.begin();
        try {
            return work.call();
        } finally {
            transaction.rollback();
        }
    }
}
