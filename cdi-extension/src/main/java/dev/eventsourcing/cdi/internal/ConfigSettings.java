package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.Settings;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Settings} read from MicroProfile Config: the setting {@code k} is the config key
 * {@code eventsourcing.k}, e.g. {@code eventsourcing.cipher.key} or, for one application only,
 * {@code eventsourcing.Bank.cipher.key}. Values are looked up when asked for, so a config
 * source that changes is seen by settings read later.
 *
 * <p>Where no MicroProfile Config implementation is present (plain Java SE), the same keys are
 * read from the JVM's system properties.
 */
public final class ConfigSettings {

    static final String PREFIX = "eventsourcing.";

    private ConfigSettings() {
    }

    /** The settings of the deployment whose class loader is the thread's context class loader. */
    public static Settings load() {
        Config config = config();
        if (config == null) {
            return key -> Optional.ofNullable(System.getProperty(PREFIX + key)).filter(value -> !value.isBlank());
        }
        return key -> config.getOptionalValue(PREFIX + key, String.class).filter(value -> !value.isBlank());
    }

    /**
     * Every setting key present, without the prefix: for settings whose keys hold names, such
     * as {@code Follower.follow.Leader.url}.
     *
     * @return the keys present now, without the {@code eventsourcing.} prefix
     */
    public static Set<String> keys() {
        Config config = config();
        Iterable<String> names = config == null ? System.getProperties().stringPropertyNames() : config.getPropertyNames();
        Set<String> keys = new HashSet<>();
        for (String name : names) {
            if (name.startsWith(PREFIX)) {
                keys.add(name.substring(PREFIX.length()));
            }
        }
        return keys;
    }

    private static Config config() {
        try {
            return ConfigProvider.getConfig();
        } catch (IllegalStateException | LinkageError e) {
            // No implementation of MicroProfile Config is deployed: fall back, do not fail.
            return null;
        }
    }
}
