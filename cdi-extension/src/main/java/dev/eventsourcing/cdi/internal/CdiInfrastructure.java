package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.TrackingRecorder;

import java.util.List;
import java.util.Optional;

/**
 * Routes the infrastructure of applications made by the extension through the extension.
 *
 * <p>Why: applications make their own infrastructure in their constructors, from their settings,
 * and user subclasses cannot be told to do otherwise. So the extension hands each application
 * settings whose {@value Settings#PERSISTENCE_MODULE} names this provider; while the extension
 * constructs the application, the provider returns the configured backend's factory, with the
 * application recorder wrapped so that the extension learns of every commit. Outside such a
 * construction the provider refuses to work.
 */
public final class CdiInfrastructure {

    /** The module name the extension puts into the settings it hands to applications. */
    public static final String MODULE = "cdi-extension";

    private static final ThreadLocal<Construction> CONSTRUCTING = new ThreadLocal<>();

    private CdiInfrastructure() {
    }

    /** What {@link NotifyingRecorder} tells about each insert. */
    interface Listener {
        void stored(String applicationName, List<StoredEvent> events, List<Long> ids);
    }

    private record Construction(Backend backend, Settings settings, Listener listener) {
    }

    /** Makes an application whose infrastructure comes from the backend, with every insert told to the listener. */
    static Application construct(ApplicationSpec spec, Backend backend, Settings settings, Listener listener) {
        CONSTRUCTING.set(new Construction(backend, settings, listener));
        try {
            return spec.create(routed(settings));
        } finally {
            CONSTRUCTING.remove();
        }
    }

    private static Settings routed(Settings settings) {
        return key -> key.equals(Settings.PERSISTENCE_MODULE) || key.endsWith("." + Settings.PERSISTENCE_MODULE)
                ? Optional.of(MODULE) : settings.get(key);
    }

    /** The provider the routed settings name; registered for {@link java.util.ServiceLoader}. */
    public static final class Provider implements InfrastructureFactory.Provider {

        @Override
        public String name() {
            return MODULE;
        }

        @Override
        public InfrastructureFactory create(String applicationName, Settings ignored) {
            Construction construction = CONSTRUCTING.get();
            if (construction == null) {
                throw new ConfigurationException("Persistence module '" + MODULE + "' is used by the CDI extension only;"
                        + " choose 'inmemory' or 'jpa' instead");
            }
            Settings scoped = construction.settings().scoped(applicationName);
            return new Factory(applicationName, scoped, construction.backend().factory(applicationName, scoped),
                    construction.listener());
        }
    }

    /** The backend's factory, with the application and process recorders wrapped. */
    private static final class Factory extends InfrastructureFactory {
        private final InfrastructureFactory delegate;
        private final Listener listener;
        private ApplicationRecorder applicationRecorder;
        private ProcessRecorder processRecorder;

        Factory(String applicationName, Settings settings, InfrastructureFactory delegate, Listener listener) {
            super(applicationName, settings);
            this.delegate = delegate;
            this.listener = listener;
        }

        @Override
        public synchronized ApplicationRecorder applicationRecorder() {
            if (applicationRecorder == null) {
                applicationRecorder = new NotifyingRecorder(applicationName(), delegate.applicationRecorder(), listener);
            }
            return applicationRecorder;
        }

        @Override
        public synchronized ProcessRecorder processRecorder() {
            if (processRecorder == null) {
                processRecorder = new NotifyingProcessRecorder(applicationName(), delegate.processRecorder(), listener);
            }
            return processRecorder;
        }

        @Override
        public TrackingRecorder trackingRecorder() {
            return delegate.trackingRecorder();
        }

        @Override
        public AggregateRecorder snapshotRecorder() {
            return delegate.snapshotRecorder();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
