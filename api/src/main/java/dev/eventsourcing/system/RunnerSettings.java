package dev.eventsourcing.system;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.projection.FailurePolicy;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The settings of a {@link MultiThreadedRunner}, read once when it is built. Every key is
 * optional; a key prefixed with a reader's name ({@code balances.projection.failure-policy})
 * applies to that reader only, because the runner reads each reader's settings
 * {@linkplain Settings#scoped scoped} by its name.
 *
 * <table>
 * <caption>Runner settings</caption>
 * <tr><th>key</th><th>meaning</th><th>default</th></tr>
 * <tr><td>{@value #POLL_INTERVAL}</td><td>milliseconds between polls of every log, which cover
 *     missed prompts and other nodes' writes</td><td>1000</td></tr>
 * <tr><td>{@value #BATCH_SIZE}</td><td>the most notifications a reader reads (and, on a
 *     transactional backend, processes in one transaction) per run</td><td>100</td></tr>
 * <tr><td>{@value #RETRY_DELAY}</td><td>milliseconds before a failed notification is tried
 *     again, doubling with each failure up to a minute</td><td>1000</td></tr>
 * <tr><td>{@value #ATTEMPTS}</td><td>how often a notification is tried before it is parked</td>
 *     <td>5</td></tr>
 * <tr><td>{@value #FAILURE_POLICY}</td><td>{@code park} or {@code stop} (see
 *     {@link FailurePolicy})</td><td>the projection's own, {@code park} for process
 *     applications</td></tr>
 * <tr><td>{@value #SEGMENTS}</td><td>how many segments a reader's work on each log is divided
 *     into, by originator, for the nodes to share (see {@link MultiThreadedRunner})</td><td>1</td></tr>
 * <tr><td>{@value #LEASE}</td><td>milliseconds a node holds a segment without renewing; it renews
 *     every third of it; at least 100</td><td>10000</td></tr>
 * </table>
 *
 * <p>Whoever makes the runner reads one more: {@value #DISPATCH}, {@code sync} for a
 * {@linkplain MultiThreadedRunner.Builder#synchronous() synchronous} runner or {@code async} for
 * one on an executor (a container chooses its default by backend). Remote leaders are named by
 * {@value RemoteLeaders#FOLLOW_KEY} (see {@link RemoteLeaders}).
 *
 * @param pollInterval  {@value #POLL_INTERVAL}
 * @param batchSize     {@value #BATCH_SIZE}
 * @param retryDelay    {@value #RETRY_DELAY}
 * @param attempts      {@value #ATTEMPTS}
 * @param failurePolicy {@value #FAILURE_POLICY}, or empty when not set
 * @param segments      {@value #SEGMENTS}
 * @param lease         {@value #LEASE}
 */
public record RunnerSettings(Duration pollInterval, int batchSize, Duration retryDelay, int attempts,
                             Optional<FailurePolicy> failurePolicy, int segments, Duration lease) {

    /** Milliseconds between polls of every log. */
    public static final String POLL_INTERVAL = "projection.poll-interval";
    /** The most notifications read, and on a transactional backend processed in one transaction, per run. */
    public static final String BATCH_SIZE = "projection.batch-size";
    /** Milliseconds before a failed notification is tried again, doubling with each failure. */
    public static final String RETRY_DELAY = "projection.retry-delay";
    /** How often a notification is tried before it is parked. */
    public static final String ATTEMPTS = "projection.attempts";
    /** {@code park} or {@code stop}: what becomes of a notification that keeps failing. */
    public static final String FAILURE_POLICY = "projection.failure-policy";

    /** How many segments, by originator, a reader's work on each log is divided into. */
    public static final String SEGMENTS = "projection.segments";
    /** Milliseconds a node holds a segment without renewing its lease. */
    public static final String LEASE = "projection.lease";

    /** The shortest lease accepted, in milliseconds. */
    public static final int MIN_LEASE = 100;

    /** {@code sync} or {@code async}: whether readers run in the committing thread or on an executor. */
    public static final String DISPATCH = "projection.dispatch";

    /** The longest delay between two attempts at a failing notification. */
    public static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(1);

    /**
     * Settings with one segment and the default lease.
     *
     * @param pollInterval  {@value #POLL_INTERVAL}
     * @param batchSize     {@value #BATCH_SIZE}
     * @param retryDelay    {@value #RETRY_DELAY}
     * @param attempts      {@value #ATTEMPTS}
     * @param failurePolicy {@value #FAILURE_POLICY}, or empty when not set
     */
    public RunnerSettings(Duration pollInterval, int batchSize, Duration retryDelay, int attempts,
                          Optional<FailurePolicy> failurePolicy) {
        this(pollInterval, batchSize, retryDelay, attempts, failurePolicy, 1, Duration.ofSeconds(10));
    }

    /**
     * Reads the settings; pass settings scoped by a reader's name for that reader's own.
     *
     * @param settings the settings to read
     * @return the values set, with the defaults for the keys that are not
     * @throws ConfigurationException naming the key and the value when a value is not understood
     */
    public static RunnerSettings read(Settings settings) {
        return new RunnerSettings(Duration.ofMillis(positive(settings, POLL_INTERVAL, 1000)),
                positive(settings, BATCH_SIZE, 100),
                Duration.ofMillis(positive(settings, RETRY_DELAY, 1000)),
                positive(settings, ATTEMPTS, 5),
                settings.get(FAILURE_POLICY).map(RunnerSettings::policy),
                positive(settings, SEGMENTS, 1),
                Duration.ofMillis(lease(settings)));
    }

    /** Whether the reader's work is divided into segments that nodes share. */
    boolean segmented() {
        return segments > 1;
    }

    private static int lease(Settings settings) {
        int lease = positive(settings, LEASE, 10_000);
        if (lease < MIN_LEASE) {
            throw new ConfigurationException("Setting '" + LEASE + "' must be at least " + MIN_LEASE + " (milliseconds),"
                    + " was '" + settings.get(LEASE).orElse("") + "'");
        }
        return lease;
    }

    /**
     * The failure policy set for the reader, else the given default.
     *
     * @param defaultPolicy the reader's own policy, used when the setting is absent
     * @return the policy to apply
     */
    public FailurePolicy failurePolicyOr(FailurePolicy defaultPolicy) {
        return failurePolicy.orElse(defaultPolicy);
    }

    private static FailurePolicy policy(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "park" -> FailurePolicy.PARK;
            case "stop" -> FailurePolicy.STOP;
            default -> throw new ConfigurationException("Setting '" + FAILURE_POLICY + "' must be 'park' or 'stop', was '"
                    + value + "'");
        };
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
        throw new ConfigurationException("Setting '" + key + "' must be a positive whole number, was '" + raw + "'");
    }
}
