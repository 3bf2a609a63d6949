package dev.eventsourcing.cdi.health;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;

import java.time.Duration;

/**
 * The bounds of the health checks, read once at deployment (prefix the keys with
 * {@code eventsourcing.} in MicroProfile Config).
 *
 * <table>
 * <caption>Health settings</caption>
 * <tr><th>key</th><th>meaning</th><th>default</th></tr>
 * <tr><td>{@value #MAX_LAG}</td><td>the most notifications a reader may lag behind a log and be ready</td><td>1000</td></tr>
 * <tr><td>{@value #MAX_LAG_DURATION}</td><td>milliseconds a reader may be behind a log and be ready</td><td>60000</td></tr>
 * <tr><td>{@value #HUNG_AFTER}</td><td>milliseconds after which a worker still processing one batch counts as hung</td><td>300000</td></tr>
 * </table>
 *
 * @param maxLag         {@value #MAX_LAG}
 * @param maxLagDuration {@value #MAX_LAG_DURATION}
 * @param hungAfter      {@value #HUNG_AFTER}
 */
public record HealthSettings(long maxLag, Duration maxLagDuration, Duration hungAfter) {

    /** The most notifications a reader may lag behind a log and be ready. */
    public static final String MAX_LAG = "health.max-lag";
    /** Milliseconds a reader may be behind a log and be ready. */
    public static final String MAX_LAG_DURATION = "health.max-lag-duration";
    /** Milliseconds after which a worker still processing one batch counts as hung. */
    public static final String HUNG_AFTER = "health.hung-after";

    /**
     * Reads the settings.
     *
     * @param settings the deployment's settings
     * @return the bounds, with defaults for keys not set
     * @throws ConfigurationException naming the key and the value when a value is not a whole number
     *                                of at least 0 (of at least 1 for the durations)
     */
    public static HealthSettings read(Settings settings) {
        return new HealthSettings(number(settings, MAX_LAG, 1000, 0),
                Duration.ofMillis(number(settings, MAX_LAG_DURATION, 60_000, 1)),
                Duration.ofMillis(number(settings, HUNG_AFTER, 300_000, 1)));
    }

    private static long number(Settings settings, String key, long defaultValue, long least) {
        String raw = settings.get(key).orElse(null);
        if (raw == null) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value >= least) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the key
        }
        throw new ConfigurationException("Setting '" + key + "' must be a whole number of at least " + least + ", was '"
                + raw + "'");
    }
}
