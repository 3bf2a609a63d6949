package dev.eventsourcing.cdi.support;

import dev.eventsourcing.cdi.EventSourcingExtension;
import org.jboss.weld.junit5.auto.AddExtensions;
import org.jboss.weld.junit5.auto.EnableAutoWeld;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that runs in a Weld SE container with the event sourcing extension, started for each
 * test method with the test class and its injected types as beans (add more with
 * {@code @AddBeanClasses}), configured by the class's {@link TestConfig}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(TestConfig.Registrar.class)
@EnableAutoWeld
@AddExtensions(EventSourcingExtension.class)
public @interface EventSourcingWeldTest {
}
