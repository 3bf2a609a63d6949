package dev.eventsourcing.persistence;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;

import java.util.Optional;

/**
 * How much a stored state may cost to decode: its size once decompressed (which is also the
 * longest JSON document read and written), and Jackson's limits on nesting, string length and
 * number length. A state beyond them is an {@link UndecodableStateException}, which a follower
 * or projection parks like any other state it cannot read, so a crafted or corrupt state costs
 * a bounded amount of memory and never an {@link OutOfMemoryError}.
 *
 * <p>Read from {@link Settings} ({@link Settings#DECODING_MAX_STATE_BYTES},
 * {@link Settings#DECODING_MAX_NESTING_DEPTH}, {@link Settings#DECODING_MAX_STRING_LENGTH},
 * {@link Settings#DECODING_MAX_NUMBER_LENGTH}); the defaults leave room for any state a domain
 * model should hold.
 *
 * @param maxStateBytes   the largest decompressed state, and JSON document, in bytes
 * @param maxNestingDepth the deepest nesting of JSON arrays and objects
 * @param maxStringLength the longest JSON string, in characters
 * @param maxNumberLength the longest JSON number, in characters
 */
public record DecodingLimits(long maxStateBytes, int maxNestingDepth, int maxStringLength, int maxNumberLength) {

    /** The largest decompressed state unless configured: 16 MiB. */
    public static final long DEFAULT_MAX_STATE_BYTES = 16L * 1024 * 1024;
    /** The deepest nesting unless configured (Jackson's own default). */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 1000;
    /** The longest string unless configured: as long as the largest state. */
    public static final int DEFAULT_MAX_STRING_LENGTH = (int) DEFAULT_MAX_STATE_BYTES;
    /**
     * The longest number unless configured: ten times Jackson's own default, so that a
     * {@code BigDecimal} of a few thousand digits stays readable; parsing one costs milliseconds.
     */
    public static final int DEFAULT_MAX_NUMBER_LENGTH = 10_000;

    /**
     * Checks that every limit is positive.
     *
     * @param maxStateBytes   the largest decompressed state, in bytes; at least 1
     * @param maxNestingDepth the deepest nesting; at least 1
     * @param maxStringLength the longest string, in characters; at least 1
     * @param maxNumberLength the longest number, in characters; at least 1
     * @throws IllegalArgumentException when a limit is below 1
     */
    public DecodingLimits {
        positive(maxStateBytes, "maxStateBytes");
        positive(maxNestingDepth, "maxNestingDepth");
        positive(maxStringLength, "maxStringLength");
        positive(maxNumberLength, "maxNumberLength");
    }

    /** @return the default limits, the {@code DEFAULT_} constants of this class */
    public static DecodingLimits defaults() {
        return new DecodingLimits(DEFAULT_MAX_STATE_BYTES, DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_STRING_LENGTH,
                DEFAULT_MAX_NUMBER_LENGTH);
    }

    /**
     * The limits the settings give, with defaults for those not set.
     *
     * @param settings the settings to read the {@code decoding.*} keys from
     * @return the limits
     * @throws ConfigurationException naming the key when a value is not a positive whole number
     */
    public static DecodingLimits read(Settings settings) {
        return new DecodingLimits(
                number(settings, Settings.DECODING_MAX_STATE_BYTES, Long.MAX_VALUE).orElse(DEFAULT_MAX_STATE_BYTES),
                (int) (long) number(settings, Settings.DECODING_MAX_NESTING_DEPTH, Integer.MAX_VALUE)
                        .orElse((long) DEFAULT_MAX_NESTING_DEPTH),
                (int) (long) number(settings, Settings.DECODING_MAX_STRING_LENGTH, Integer.MAX_VALUE)
                        .orElse((long) DEFAULT_MAX_STRING_LENGTH),
                (int) (long) number(settings, Settings.DECODING_MAX_NUMBER_LENGTH, Integer.MAX_VALUE)
                        .orElse((long) DEFAULT_MAX_NUMBER_LENGTH));
    }

    private static Optional<Long> number(Settings settings, String key, long max) {
        return settings.get(key).map(raw -> {
            long value;
            try {
                value = Long.parseLong(raw.trim());
            } catch (NumberFormatException e) {
                value = 0;
            }
            if (value < 1) {
                throw new ConfigurationException("Setting '" + key + "' must be a positive whole number, was '" + raw + "'");
            }
            if (value > max) {
                throw new ConfigurationException("Setting '" + key + "' must be at most " + max + ", was '" + raw + "'");
            }
            return value;
        });
    }

    private static void positive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
