package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.system.RunnerSettings;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The extension's own settings, read once at deployment (prefix the keys with
 * {@code eventsourcing.} in MicroProfile Config). The runner's settings (poll interval, batch
 * size, retry delay, attempts, failure policy) are the runner's, see
 * {@link dev.eventsourcing.system.RunnerSettings}.
 *
 * @param module          {@value Settings#PERSISTENCE_MODULE}: {@code inmemory} (default) or {@code jpa}
 * @param applicationName {@value #APPLICATION_NAME}: the name of the default application, used
 *                        when the deployment defines no subclass of Application; default
 *                        {@code Application}
 * @param synchronous     {@value RunnerSettings#DISPATCH}: {@code sync} runs readers in the committing thread,
 *                        {@code async} on the executor; default {@code sync} for the in-memory
 *                        store and {@code async} otherwise
 * @param ownExecutor     {@value #EXECUTOR}: {@code managed} (default) runs readers on the
 *                        container's {@code ManagedScheduledExecutorService} and fails the
 *                        deployment when there is none; {@code own} on a small pool of the
 *                        extension's own daemon threads (Java SE)
 * @param node            {@value #NODE}: the id by which this deployment holds segments of
 *                        divided readers, unique among the servers that share the store; when
 *                        empty, the runner makes a new one at every start of the deployment
 */
public record Options(String module, String applicationName, boolean synchronous, boolean ownExecutor,
                      Optional<String> node) {

    static final String APPLICATION_NAME = "application.name";
    static final String EXECUTOR = "executor";
    static final String NODE = "node";

    public Options {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(applicationName, "applicationName");
        Objects.requireNonNull(node, "node");
    }

    /**
     * Reads the options.
     *
     * @throws ConfigurationException naming the key and the value when one is not understood
     */
    public static Options read(Settings settings) {
        String module = settings.get(Settings.PERSISTENCE_MODULE).map(String::trim).orElse(InfrastructureFactory.DEFAULT_MODULE);
        if (!module.equals(InfrastructureFactory.DEFAULT_MODULE) && !module.equals("jpa")) {
            throw new ConfigurationException("Setting '" + Settings.PERSISTENCE_MODULE
                    + "' must be 'inmemory' or 'jpa', was '" + module + "'");
        }
        String name = settings.get(APPLICATION_NAME).map(String::trim).orElse("Application");
        String dispatch = module.equals(InfrastructureFactory.DEFAULT_MODULE) ? "sync" : "async";
        boolean synchronous = choice(settings, RunnerSettings.DISPATCH, dispatch, "sync", "async");
        boolean own = !choice(settings, EXECUTOR, "managed", "managed", "own");
        return new Options(module, name, synchronous, own, settings.get(NODE).map(String::trim));
    }

    boolean jpa() {
        return module.equals("jpa");
    }

    /** Whether the setting is {@code first} (true) or {@code second} (false). */
    private static boolean choice(Settings settings, String key, String defaultValue, String first, String second) {
        String value = settings.get(key).map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse(defaultValue);
        if (value.equals(first) || value.equals(second)) {
            return value.equals(first);
        }
        throw new ConfigurationException("Setting '" + key + "' must be '" + first + "' or '" + second + "', was '"
                + settings.get(key).orElseThrow() + "'");
    }
}
