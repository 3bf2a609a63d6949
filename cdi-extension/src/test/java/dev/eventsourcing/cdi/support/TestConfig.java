package dev.eventsourcing.cdi.support;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.Map;

/**
 * MicroProfile Config for one test class, as {@code key=value} lines: registered for the test
 * thread's class loader before the container starts and released after the class.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface TestConfig {

    String[] value();

    /** Registers the config of {@link TestConfig} (or an empty one) around a test class. */
    final class Registrar implements BeforeAllCallback, AfterAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            Map<String, String> values = new HashMap<>();
            AnnotationSupport.findAnnotation(context.getRequiredTestClass(), TestConfig.class)
                    .ifPresent(config -> values.putAll(parse(config.value())));
            use(values);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            release();
        }

        /** Parses {@code key=value} lines. */
        public static Map<String, String> parse(String... lines) {
            Map<String, String> values = new HashMap<>();
            for (String line : lines) {
                int equals = line.indexOf('=');
                values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
            return values;
        }

        /**
         * Makes these values the config of the thread's class loader (with system properties below
         * them). Java SE has no managed executor, so readers run on the extension's own threads
         * unless a test says otherwise.
         */
        public static void use(Map<String, String> given) {
            release();
            Map<String, String> values = new HashMap<>(given);
            values.putIfAbsent("eventsourcing.executor", "own");
            Config config = new SmallRyeConfigBuilder()
                    .addDefaultSources()
                    .withSources(new PropertiesConfigSource(values, "test", 900))
                    .build();
            ConfigProviderResolver.instance().registerConfig(config, Thread.currentThread().getContextClassLoader());
        }

        /** Forgets the config of the thread's class loader. */
        public static void release() {
            ConfigProviderResolver resolver = ConfigProviderResolver.instance();
            resolver.releaseConfig(resolver.getConfig(Thread.currentThread().getContextClassLoader()));
        }
    }
}
