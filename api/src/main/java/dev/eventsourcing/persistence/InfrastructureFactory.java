package dev.eventsourcing.persistence;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.dcb.DcbRecorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Makes the persistence collaborators of one application — mapper and recorders — for one
 * backend. Backends plug in as {@link Provider}s found with {@link ServiceLoader}; the
 * {@value Settings#PERSISTENCE_MODULE} setting picks one by name ({@code inmemory} by default).
 *
 * <p>A factory may hold resources (connections, threads); close it when its application closes.
 */
public abstract class InfrastructureFactory implements AutoCloseable {

    /** The backend used when {@value Settings#PERSISTENCE_MODULE} is not set. */
    public static final String DEFAULT_MODULE = "inmemory";

    private final String applicationName;
    private final Settings settings;

    /**
     * A factory serving one application or reader.
     *
     * @param applicationName the application's or reader's name; not null
     * @param settings        the settings, scoped to that name; not null
     * @throws NullPointerException when the name or the settings are null
     */
    protected InfrastructureFactory(String applicationName, Settings settings) {
        this.applicationName = Objects.requireNonNull(applicationName, "applicationName");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The factory of the backend that the settings name.
     *
     * @param applicationName the application's or reader's name
     * @param settings        the settings, scoped to that name
     * @return a new factory of the named backend, or of {@value #DEFAULT_MODULE} when none is
     *         named
     * @throws ConfigurationException when no backend of that name is on the class path
     */
    public static InfrastructureFactory construct(String applicationName, Settings settings) {
        String module = settings.get(Settings.PERSISTENCE_MODULE).map(String::trim).orElse(DEFAULT_MODULE);
        List<String> found = new ArrayList<>();
        for (Provider provider : providers()) {
            if (provider.name().equals(module)) {
                return provider.create(applicationName, settings);
            }
            found.add(provider.name());
        }
        throw new ConfigurationException("Setting '" + Settings.PERSISTENCE_MODULE + "' is '" + module
                + "', but no persistence module of that name is on the class path; found: " + found);
    }

    private static ServiceLoader<Provider> providers() {
        // Application servers give each deployment its own class loader: prefer the caller's.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return ServiceLoader.load(Provider.class, loader != null ? loader : InfrastructureFactory.class.getClassLoader());
    }

    /** @return the name of the application this factory serves */
    public String applicationName() {
        return applicationName;
    }

    /** @return the settings this factory was made with, scoped to its application */
    public Settings settings() {
        return settings;
    }

    /**
     * A mapper builder set up from the settings: compression when {@value Settings#COMPRESSOR}
     * is {@code zlib}, AES-GCM encryption when {@value Settings#CIPHER_KEY} is set, bound to
     * this factory's {@linkplain #applicationName() application name}, and personal data
     * encrypted with the keys of its {@link #subjectKeyRecorder()}.
     *
     * @return a new builder, to which the application adds its classes and upcasters
     * @throws ConfigurationException when a setting's value is not understood
     */
    public Mapper.Builder mapperBuilder() {
        return Mapper.builder(settings).applicationName(applicationName).subjectKeys(subjectKeyRecorder());
    }

    /** @return the recorder of the application's events and notification log */
    public abstract ApplicationRecorder applicationRecorder();

    /** @return the recorder of a process application's events, log and tracking positions */
    public abstract ProcessRecorder processRecorder();

    /** @return the recorder of a projection's tracking positions */
    public abstract TrackingRecorder trackingRecorder();

    /** @return the recorder of the application's snapshots (keeps no notification log) */
    public abstract AggregateRecorder snapshotRecorder();

    /**
     * The recorder of the notifications that readers parked; made for a reader (a projection's
     * or process application's name), it serves every reader of the same store.
     *
     * @return the parking recorder
     */
    public abstract ParkingRecorder parkingRecorder();

    /**
     * The recorder of the leases by which the nodes that share this backend's store divide the
     * segments of a reader among them (see {@link LeaseRecorder}); made for a reader, it serves
     * every group of the same store. A backend whose nodes cannot share leases does not override
     * it.
     *
     * @return the lease recorder
     * @throws ConfigurationException when this backend keeps no leases, so a reader cannot be
     *                                divided into segments on it
     */
    public LeaseRecorder leaseRecorder() {
        throw new ConfigurationException("The persistence backend " + getClass().getName() + " (setting '"
                + Settings.PERSISTENCE_MODULE + "' is '" + settings.get(Settings.PERSISTENCE_MODULE).orElse(DEFAULT_MODULE)
                + "') keeps no leases, so '" + applicationName + "' cannot divide its work into segments among nodes"
                + " on it; use a backend that keeps them (" + DEFAULT_MODULE + ", jpa)");
    }

    /**
     * The recorder of a DCB application's events: tagged events in one order of positions, read
     * by type and tag and appended on conditions (see {@link DcbRecorder}). A factory serves one
     * recorder to all its callers. A backend without DCB storage does not override it.
     *
     * @return the DCB recorder
     * @throws ConfigurationException when this backend keeps no DCB events
     */
    public DcbRecorder dcbRecorder() {
        throw new ConfigurationException("The persistence backend " + getClass().getName() + " (setting '"
                + Settings.PERSISTENCE_MODULE + "' is '" + settings.get(Settings.PERSISTENCE_MODULE).orElse(DEFAULT_MODULE)
                + "') keeps no DCB events, so '" + applicationName + "' cannot use dynamic consistency boundaries"
                + " on it; DCB needs the " + DEFAULT_MODULE + " or jpa backend");
    }

    /**
     * The recorder of the keys of the application's subjects, whose deletion shreds their
     * personal data (see {@link dev.eventsourcing.domain.PersonalData}); the mapper and the
     * application share the one they are given.
     *
     * @return the subject key recorder
     */
    public abstract SubjectKeyRecorder subjectKeyRecorder();

    /**
     * The transactions of this backend: recorders of this factory called inside
     * {@link Transactions#inNewTransaction} join that transaction. None by default (in memory).
     *
     * @return the backend's transactions; {@link Transactions#NONE} by default
     */
    public Transactions transactions() {
        return Transactions.NONE;
    }

    /** Releases what the factory holds. The default holds nothing. */
    @Override
    public void close() {
    }

    /** A persistence backend that can be chosen by name; registered for {@link ServiceLoader}. */
    public interface Provider {

        /** @return the name the {@value Settings#PERSISTENCE_MODULE} setting uses for this backend */
        String name();

        /**
         * A factory for one application or reader.
         *
         * @param applicationName the application's or reader's name
         * @param settings        the settings, scoped to that name
         * @return a new factory, which the caller closes
         */
        InfrastructureFactory create(String applicationName, Settings settings);
    }
}
