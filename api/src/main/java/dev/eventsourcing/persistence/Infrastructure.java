package dev.eventsourcing.persistence;

import dev.eventsourcing.Settings;

/**
 * Where the infrastructure of applications and readers comes from: makes the
 * {@link InfrastructureFactory} of one application or reader by name. A container hands its own
 * to the applications it makes; by default the {@value Settings#PERSISTENCE_MODULE} setting picks
 * a backend ({@link InfrastructureFactory#construct}).
 */
@FunctionalInterface
public interface Infrastructure {

    /** The backend named by the settings, found on the class path. */
    Infrastructure FROM_SETTINGS = InfrastructureFactory::construct;

    /**
     * The factory of one application's or reader's recorders.
     *
     * @param name     the application's or reader's name, which keys its rows
     * @param settings the settings, scoped to that name
     * @return a new factory, which the caller closes
     */
    InfrastructureFactory factory(String name, Settings settings);
}
