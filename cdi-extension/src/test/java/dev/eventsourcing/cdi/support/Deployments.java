package dev.eventsourcing.cdi.support;

import dev.eventsourcing.cdi.EventSourcingExtension;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Starts Weld SE containers by hand: for deployments that must fail, and for restarts. */
public final class Deployments {

    private Deployments() {
    }

    /** A container with the extension, the given bean classes and config values. */
    public static WeldContainer start(Map<String, String> config, Class<?>... beanClasses) {
        TestConfig.Registrar.use(config);
        return new Weld(UUID.randomUUID().toString())
                .disableDiscovery()
                .addExtension(new EventSourcingExtension())
                .addBeanClasses(beanClasses)
                .initialize();
    }

    /** The message of the failure that stops a deployment of these bean classes. */
    public static String failureOf(Map<String, String> config, Class<?>... beanClasses) {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> start(config, beanClasses).shutdown(),
                "the deployment should fail");
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        TestConfig.Registrar.release();
        return messages.toString();
    }

    /** The failure message of a deployment with no configuration. */
    public static String failureOf(Class<?>... beanClasses) {
        return failureOf(Map.of(), beanClasses);
    }
}
