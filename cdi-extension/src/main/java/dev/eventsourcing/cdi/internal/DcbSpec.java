package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.Settings;
import dev.eventsourcing.dcb.application.DcbApplication;

import java.util.Objects;
import java.util.Optional;

/**
 * How the extension makes one DCB application: a subclass of {@link DcbApplication}, through its
 * constructor taking {@link Settings}, given an {@link dev.eventsourcing.application.Environment}
 * with the deployment's infrastructure, as applications of aggregates are made.
 *
 * @param type the DCB application class
 */
public record DcbSpec(Class<? extends DcbApplication> type) {

    public DcbSpec {
        Objects.requireNonNull(type, "type");
    }

    /** Why the extension cannot make this DCB application class, or empty when it can. */
    static Optional<String> problemOf(Class<? extends DcbApplication> type) {
        return SettingsConstructor.problemOf(type,
                        "super(name, settings), so that it runs on the deployment's persistence")
                .map(reason -> Messages.dcbApplicationNotConstructible(type, reason));
    }

    /**
     * Makes the DCB application on the deployment's infrastructure (the settings are an
     * {@link dev.eventsourcing.application.Environment}).
     *
     * @throws RuntimeException what the constructor threw, such as a {@link dev.eventsourcing.ConfigurationException}
     */
    DcbApplication create(Settings settings) {
        return SettingsConstructor.create(type, settings);
    }
}
