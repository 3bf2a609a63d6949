package dev.eventsourcing.application;

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

    private Environment(Settings settings, Infrastructure infrastructure) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.infrastructure = Objects.requireNonNull(infrastructure, "infrastructure");
    }

    /**
     * Settings read from {@code settings}, with the given infrastructure.
     *
     * @param settings where every key is looked up; not null
     * @param infrastructure the infrastructure the application is to use; not null
     * @return an environment answering keys from {@code settings}
     */
    public static Environment of(Settings settings, Infrastructure infrastructure) {
        return new Environment(settings, infrastructure);
    }

    @Override
    public Optional<String> get(String key) {
        return settings.get(key);
    }

    /** @return where the application's infrastructure comes from */
    public Infrastructure infrastructure() {
        return infrastructure;
    }

    /** The infrastructure given with these settings, or the backend the settings name. */
    static Infrastructure infrastructureOf(Settings settings) {
        return settings instanceof Environment environment ? environment.infrastructure : Infrastructure.FROM_SETTINGS;
    }
}
