package dev.eventsourcing.cdi;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.cdi.support.Deployments;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Emptying the store is refused, deleting nothing, unless the deployment allows it and uses the JPA store. */
class EventStoreResetRefusalTest {

    private static void withDeployment(Map<String, String> config, java.util.function.Consumer<WeldContainer> test) {
        WeldContainer container = Deployments.start(config, Teller.class);
        try {
            test.accept(container);
        } finally {
            container.shutdown();
        }
    }

    @Test
    void aDeploymentThatDoesNotAllowItRefusesAndKeepsItsEvents() {
        withDeployment(Map.of(), container -> {
            Teller teller = container.select(Teller.class).get();
            UUID id = teller.open("Alice");
            AtomicBoolean cleared = new AtomicBoolean();

            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> container.select(EventStoreReset.class).get().reset(() -> cleared.set(true)));

            assertEquals("Refused to empty the event store: the deployment does not set"
                    + " 'eventsourcing.testing.reset.enabled' to true. Set it only in test deployments.", error.getMessage());
            assertFalse(cleared.get());
            assertEquals("Alice", teller.application().repository(dev.eventsourcing.application.bank.BankAccount.class)
                    .get(id).fullName());
        });
    }

    @Test
    void anInMemoryStoreIsNotEmptiedButDeployedAgain() {
        withDeployment(Map.of("eventsourcing.testing.reset.enabled", "true"), container -> {
            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> container.select(EventStoreReset.class).get().reset(() -> { }));

            assertEquals("Cannot empty the event store: it is in memory ('eventsourcing.persistence.module' is not"
                    + " 'jpa'); deploy again to start empty", error.getMessage());
        });
    }

    @Test
    void aValueThatIsNotABooleanIsNamedWithItsKey() {
        withDeployment(Map.of("eventsourcing.testing.reset.enabled", "sure"), container -> {
            ConfigurationException error = assertThrows(ConfigurationException.class,
                    () -> container.select(EventStoreReset.class).get().reset(() -> { }));

            assertEquals("Setting 'testing.reset.enabled' must be true or false, was 'sure'", error.getMessage());
        });
    }
}
