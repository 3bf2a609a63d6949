package dev.eventsourcing.cdi.jpa;

import dev.eventsourcing.cdi.EventStoreContext;
import dev.eventsourcing.cdi.Teller;
import dev.eventsourcing.cdi.support.TestDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Persistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static dev.eventsourcing.cdi.support.Deployments.failureOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JPA settings that cannot work fail the deployment, naming the setting. */
class JpaDeploymentProblemsTest {

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.h2();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.drop();
    }

    private static Map<String, String> jpa(String... more) {
        Map<String, String> config = new HashMap<>(Map.of(
                "eventsourcing.persistence.module", "jpa",
                "eventsourcing.jpa.url", database.url(),
                "eventsourcing.jpa.user", database.user()));
        for (int i = 0; i < more.length; i += 2) {
            config.put(more[i], more[i + 1]);
        }
        return config;
    }

    @Test
    void anUnknownDatabaseFailsWithEscdi012() {
        assertProblem("ESCDI012: Invalid event sourcing configuration: Setting 'eventsourcing.jpa.database': Unknown"
                + " database 'oracle'", failureOf(jpa("eventsourcing.jpa.database", "oracle"), Teller.class));
    }

    @Test
    void anUnknownTransactionTypeFailsWithEscdi012() {
        assertProblem("ESCDI012: Invalid event sourcing configuration: Setting 'eventsourcing.jpa.transactions' must be"
                + " 'jta' or 'resource-local', was 'xa'", failureOf(jpa("eventsourcing.jpa.transactions", "xa"), Teller.class));
    }

    @Test
    void anUnknownPersistenceUnitFailsWithEscdi012() {
        assertProblem("ESCDI012: Invalid event sourcing configuration: Persistence unit 'nowhere' (setting"
                + " 'eventsourcing.jpa.persistence-unit') could not be started",
                failureOf(jpa("eventsourcing.jpa.persistence-unit", "nowhere"), Teller.class));
    }

    @Test
    void aDatabaseWithoutTheTablesFailsAtStartWithEscdi014() {
        assertProblem("ESCDI014: Event sourcing could not start: ",
                failureOf(jpa("eventsourcing.jpa.create-tables", "false"), Teller.class));
    }

    @Test
    void jtaWithoutAnEntityManagerFromTheContainerFailsWithEscdi012() {
        assertProblem("ESCDI012: Invalid event sourcing configuration: Setting 'eventsourcing.jpa.transactions' is 'jta',"
                + " but the container injected no entity manager", failureOf(jpa("eventsourcing.jpa.transactions", "jta"),
                Teller.class));
    }

    @Test
    void aProducedEventStoreEntityManagerIsTakenAndNeedsTheContainersTransactions() {
        assertProblem("ESCDI012: Invalid event sourcing configuration: JTA transactions need"
                + " java:comp/TransactionSynchronizationRegistry in JNDI", failureOf(jpa(), Teller.class, Producer.class));
    }

    @Test
    void twoProducedEventStoreEntityManagersFailWithEscdi012() {
        assertProblem("ESCDI012: Invalid event sourcing configuration: The deployment has 2 @EventStoreContext entity"
                + " managers, one is needed", failureOf(jpa(), Teller.class, Producer.class, SecondProducer.class));
    }

    /** Hands over an entity manager as a deployment does with a resource producer. */
    @ApplicationScoped
    public static class Producer {
        @Produces
        @EventStoreContext
        EntityManager eventStore() {
            return Persistence.createEntityManagerFactory("eventsourcing", Map.of(
                    "jakarta.persistence.jdbc.url", database.url(), "jakarta.persistence.jdbc.user", database.user(),
                    "jakarta.persistence.jdbc.password", "")).createEntityManager();
        }
    }

    /** A second producer of the same qualified entity manager. */
    @ApplicationScoped
    public static class SecondProducer {
        @Produces
        @EventStoreContext
        EntityManager otherEventStore() {
            throw new AssertionError("never called: the deployment fails first");
        }
    }

    private static void assertProblem(String expected, String failure) {
        assertTrue(failure.contains(expected), () -> "expected a failure containing\n  " + expected + "\nbut was\n  " + failure);
    }
}
