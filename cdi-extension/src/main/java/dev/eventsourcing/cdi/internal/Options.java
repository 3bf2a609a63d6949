package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.persistence.InfrastructureFactory;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The extension's own settings, read once at deployment (keys below are settings keys: prefix
 * them with {@code eventsourcing.} in MicroProfile Config). Every one has a default.
 *
 * @param module          {@value Settings#PERSISTENCE_MODULE}: {@code inmemory} (default) or {@code jpa}
 * @param applicationName {@value #APPLICATION_NAME}: the name of the default application, used
 *                        when the deployment defines no subclass of Application; default
 *                        {@code Application}
 * @param synchronous     {@value #DISPATCH}: {@code sync} dispatches to projections in the
 *                        committing thread, {@code async} on the executor; default {@code sync}
 *                        for the in-memory store and {@code async} otherwise
 * @param pollInterval    {@value #POLL_INTERVAL}: milliseconds between polls of the logs, which
 *                        cover missed prompts and other nodes' writes (asynchronous dispatch only);
 *                        default 1000
 * @param batchSize       {@value #BATCH_SIZE}: notifications read per query; default 100
 * @param retryDelay      {@value #RETRY_DELAY}: milliseconds before a failed handler is tried
 *                        again (doubling up to a minute); default 1000
 */
record Options(String module, String applicationName, boolean synchronous, Duration pollInterval, int batchSize,
               Duration retryDelay) {

    static final String APPLICATION_NAME = "application.name";
    static final String DISPATCH = "projection.dispatch";
    static final String POLL_INTERVAL = "projection.poll-interval";
    static final String BATCH_SIZE = "projection.batch-size";
    static final String RETRY_DELAY = "projection.retry-delay";

    Options {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(applicationName, "applicationName");
    }

    /**
     * Reads the options.
     *
     * @throws ConfigurationException naming the key and the value when one is not understood
     */
    static Options read(Settings settings) {
        String module = settings.get(Settings.PERSISTENCE_MODULE).map(String::trim).orElse(InfrastructureFactory.DEFAULT_MODULE);
        if (!module.equals(InfrastructureFactory.DEFAULT_MODULE) && !module.equals("jpa")) {
            throw new ConfigurationException("Setting '" + ConfigSettings.PREFIX + Settings.PERSISTENCE_MODULE
                    + "' must be 'inmemory' or 'jpa', was '" + module + "'");
        }
        String name = settings.get(APPLICATION_NAME).map(String::trim).orElse("Application");
        boolean synchronous = switch (settings.get(DISPATCH).map(v -> v.trim().toLowerCase(Locale.ROOT))
                .orElse(module.equals(InfrastructureFactory.DEFAULT_MODULE) ? "sync" : "async")) {
            case "sync" -> true;
            case "async" -> false;
            default -> throw new ConfigurationException("Setting '" + ConfigSettings.PREFIX + DISPATCH
                    + "' must be 'sync' or 'async', was '" + settings.get(DISPATCH).orElseThrow() + "'");
        };
        return new Options(module, name, synchronous,
                Duration.ofMillis(positive(settings, POLL_INTERVAL, 1000)),
                positive(settings, BATCH_SIZE, 100),
                Duration.ofMillis(positive(settings, RETRY_DELAY, 1000)));
    }

    boolean jpa() {
        return module.equals("jpa");
    }

    private static int positive(Settings settings, String key, int defaultValue) {
        String raw = settings.get(key).orElse(null);
        if (raw == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the key
        }
        throw new ConfigurationException("Setting '" + ConfigSettings.PREFIX + key + "' must be a positive whole number, was '"
                + raw + "'");
    }
}
