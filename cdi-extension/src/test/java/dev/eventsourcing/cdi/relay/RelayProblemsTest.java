package dev.eventsourcing.cdi.relay;

import dev.eventsourcing.cdi.Teller;
import dev.eventsourcing.cdi.support.TestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.eventsourcing.cdi.support.Deployments.failureOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A relay that cannot work fails the deployment, with a message naming the key and its value. */
class RelayProblemsTest {

    private static final String DESTINATION = "eventsourcing.relay.Application.destination";

    private final FakeJms broker = new FakeJms();

    @BeforeEach
    void bind() {
        FakeNaming.use(Map.of(RelaySettings.DEFAULT_FACTORY, broker.connectionFactory(),
                "java:/jms/queue/bank", FakeJms.queue("bank"), "java:/jdbc/bank", "a data source"));
    }

    @AfterEach
    void unbind() {
        FakeNaming.release();
        TestConfig.Registrar.release();
    }

    @Test
    void aDestinationThatIsNotBoundFailsWithEscdi012NamingTheKeyAndTheName() {
        String failure = failureOf(Map.of(DESTINATION, "java:/jms/queue/nowhere"), Teller.class);
        assertContains("ESCDI012: Invalid event sourcing configuration: Setting '" + DESTINATION + "' names"
                + " 'java:/jms/queue/nowhere', which is not bound in JNDI", failure);
    }

    @Test
    void aDestinationBoundToSomethingElseFailsWithEscdi012() {
        String failure = failureOf(Map.of(DESTINATION, "java:/jdbc/bank"), Teller.class);
        assertContains("Setting '" + DESTINATION + "' names 'java:/jdbc/bank', which is a java.lang.String, not a"
                + " jakarta.jms.Destination", failure);
    }

    @Test
    void aConnectionFactoryThatIsNotBoundFailsWithEscdi012() {
        String failure = failureOf(Map.of(DESTINATION, "java:/jms/queue/bank",
                "eventsourcing.relay.Application.connection-factory", "java:/JmsXA"), Teller.class);
        assertContains("ESCDI012: Invalid event sourcing configuration: Setting"
                + " 'eventsourcing.relay.Application.connection-factory' names 'java:/JmsXA', which is not bound", failure);
    }

    @Test
    void aRelayOfNoApplicationFailsWithEscdi012NamingTheApplications() {
        String failure = failureOf(Map.of("eventsourcing.relay.Bank.destination", "java:/jms/queue/bank"), Teller.class);
        assertContains("ESCDI012: Invalid event sourcing configuration: Setting 'eventsourcing.relay.Bank.destination'"
                + " names no application of the deployment: 'Bank'; its applications are [Application]", failure);
    }

    @Test
    void aMisspeltRelayKeyFailsWithEscdi012() {
        String failure = failureOf(Map.of(DESTINATION, "java:/jms/queue/bank",
                "eventsourcing.relay.Application.destinaton", "java:/jms/queue/bank"), Teller.class);
        assertContains("Setting 'eventsourcing.relay.Application.destinaton' is no relay setting", failure);
    }

    @Test
    void anUnknownDeliveryModeFailsWithEscdi012() {
        String failure = failureOf(Map.of(DESTINATION, "java:/jms/queue/bank",
                "eventsourcing.relay.Application.delivery-mode", "sometimes"), Teller.class);
        assertContains("Setting 'eventsourcing.relay.Application.delivery-mode' must be 'persistent' or"
                + " 'non-persistent', was 'sometimes'", failure);
    }

    @Test
    void relaySettingsWithoutADestinationFailWithEscdi012() {
        String failure = failureOf(Map.of("eventsourcing.relay.Application.delivery-mode", "persistent"), Teller.class);
        assertContains("configures a relay of 'Application', which has no destination; give the setting '" + DESTINATION + "'",
                failure);
    }

    private static void assertContains(String expected, String failure) {
        assertTrue(failure.contains(expected), () -> "expected a failure containing\n  " + expected + "\nbut was\n  "
                + failure);
    }
}
