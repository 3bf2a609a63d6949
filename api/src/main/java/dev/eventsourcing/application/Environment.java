package dev.eventsourcing.application;

import dev.eventsourcing.MetricsListener;
import dev.eventsourcing.Settings;
import dev.eventsourcing.persistence.Infrastructure;

import java.util.Objects;
import java.util.Optional;

/**
 * Settings together with the infrastructure an application is to use: what a container or a
 * runner passes to an application's constructor taking {@link Settings}, so that applications
 * written as {@code Bank(Settings settings) { super(settings); }} run on the infrastructure the
 * container chose, with nothing else to declare.
 */
public final class Environment implements Settings {

    private final Settings settings;
    private final Infrastructure infrastructure;
    private final MetricsListener metrics;

    private Environment(Settings settings, Infrastructure infrastructure, MetricsListener metrics) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.infrastructure = Objects.requireNonNull(infrastructure, "infrastructure");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Settings read from {@code settings}, with the given infrastructure.
     *
     * @param settings where every key is looked up; not null
     * @param infrastructure the infrastructure the application is to use; not null
     * @return an environment answering keys from {@code settings}
     */
    public static Environment of(Settings settings, Infrastructure infrastructure) {
        return new Environment(settings, infrastructure, MetricsListener.NONE);
    }

    /**
     * Settings read from {@code settings}, with the given infrastructure and the listener told
     * what the application does.
     *
     * @param settings       the settings
     * @param infrastructure where the application's infrastructure comes from
     * @param metrics        told of the application's appends
     * @return the environment
     */
    public static Environment of(Settings settings, Infrastructure infrastructure, MetricsListener metrics) {
        return new Environment(settings, infrastructure, metrics);
    }

    @Override
    public Optional<String> get(String key) {
        return settings.get(key);
    }

    /** @return where the application's infrastructure comes from */
    public Infrastructure infrastructure() {
        return infrastructure;
    }

    /**
     * The listener told what the application does.
     *
     * @return the listener, {@link MetricsListener#NONE} unless one was given
     */
    public MetricsListener metrics() {
        return metrics;
    }

    /** The listener given with these settings, or none. */
    static MetricsListener metricsOf(Settings settings) {
        return settings instanceof Environment environment ? environment.metrics : MetricsListener.NONE;
    }

    /** The infrastructure given with these settings, or the backend the settings name. */
    static Infrastructure infrastructureOf(Settings settings) {
        return settings instanceof Environment environment ? environment.infrastructure : Infrastructure.FROM_SETTINGS;
    }
}
