package dev.eventsourcing.cdi;

import dev.eventsourcing.cdi.internal.OptionalApis;
import dev.eventsourcing.cdi.support.TestConfig;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On a server without Jakarta Messaging: a deployment without relay works, one with a relay fails with ESCDI020. */
class RelayWithoutMessagingTest {

    /** Hides Jakarta Messaging, as a server without it does. */
    private static final ClassLoader WITHOUT_MESSAGING = new ClassLoader(RelayWithoutMessagingTest.class.getClassLoader()) {
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("jakarta.jms.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    };

    @AfterEach
    void release() {
        TestConfig.Registrar.release();
    }

    @Test
    void messagingIsSeenAsAbsentWhenHiddenAndAsPresentOtherwise() {
        assertFalse(new OptionalApis(WITHOUT_MESSAGING).messaging());
        assertTrue(OptionalApis.ofExtension().messaging());
    }

    @Test
    void aRelayOnAServerWithoutMessagingFailsWithEscdi020() {
        TestConfig.Registrar.use(Map.of("eventsourcing.relay.Application.destination", "java:/jms/queue/bank"));
        RuntimeException failure = assertThrows(RuntimeException.class, () -> deploy().shutdown());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        String expected = "ESCDI020: 'eventsourcing.relay.Application.destination' configures a JMS relay, and the"
                + " server gives the deployment no Jakarta Messaging";
        assertTrue(messages.toString().contains(expected), () -> "expected " + expected + " in\n" + messages);
    }

    @Test
    void withoutARelayTheDeploymentWorks() {
        TestConfig.Registrar.use(Map.of());
        WeldContainer container = deploy();
        try {
            Teller teller = container.select(Teller.class).get();
            UUID id = teller.open("Alice");
            teller.deposit(id, "1.00");
            assertEquals("1.00", teller.balance(id).toPlainString());
        } finally {
            container.shutdown();
        }
    }

    private static WeldContainer deploy() {
        return new Weld(UUID.randomUUID().toString()).disableDiscovery()
                .addExtension(new EventSourcingExtension(new OptionalApis(WITHOUT_MESSAGING)))
                .addBeanClasses(Teller.class)
                .initialize();
    }
}
