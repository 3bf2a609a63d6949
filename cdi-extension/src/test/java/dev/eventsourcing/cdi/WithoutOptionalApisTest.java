package dev.eventsourcing.cdi;

import dev.eventsourcing.cdi.internal.OptionalApis;
import dev.eventsourcing.cdi.support.TestConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A deployment on a server without MicroProfile Health or OpenTelemetry: it works, with no checks and no error. */
class WithoutOptionalApisTest {

    /** Hides the packages of the optional APIs, as a server without them does. */
    private static final ClassLoader WITHOUT = new ClassLoader(WithoutOptionalApisTest.class.getClassLoader()) {
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("org.eclipse.microprofile.health.") || name.startsWith("io.opentelemetry.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    };

    private WeldContainer container;

    @AfterEach
    void shutdown() {
        if (container != null) {
            container.shutdown();
        }
        TestConfig.Registrar.release();
    }

    @Test
    void theHiddenApisAreSeenAsAbsentAndTheVisibleOnesAsPresent() {
        OptionalApis without = new OptionalApis(WITHOUT);
        assertFalse(without.health());
        assertFalse(without.telemetry());
        assertTrue(OptionalApis.ofExtension().health());
        assertTrue(OptionalApis.ofExtension().telemetry());
    }

    @Test
    void withoutMicroProfileHealthTheDeploymentWorksAndHasNoHealthChecks() {
        TestConfig.Registrar.use(Map.of());
        container = new Weld(UUID.randomUUID().toString()).disableDiscovery()
                .addExtension(new EventSourcingExtension(new OptionalApis(WITHOUT)))
                .addBeanClasses(Teller.class, Balances.class)
                .initialize();

        Teller teller = container.select(Teller.class).get();
        UUID id = teller.open("Alice");
        teller.deposit(id, "3.00");

        assertEquals("3.00", teller.balance(id).toPlainString());
        assertTrue(container.select(HealthCheck.class, Readiness.Literal.INSTANCE).isUnsatisfied());
        assertTrue(container.select(HealthCheck.class, Liveness.Literal.INSTANCE).isUnsatisfied());
    }
}
