package dev.eventsourcing.persistence.inmemory;

import dev.eventsourcing.Settings;
import dev.eventsourcing.dcb.DcbRecorder;
import dev.eventsourcing.dcb.inmemory.InMemoryDcbRecorder;
import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.LeaseRecorder;
import dev.eventsourcing.persistence.ParkingRecorder;
import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.SubjectKeyRecorder;
import dev.eventsourcing.persistence.TrackingRecorder;

/**
 * The embedded default backend: recorders that keep everything in this JVM's memory, for unit
 * tests and the single-threaded runner. Each factory has its own store, made on first use, so
 * two applications never share events; nothing survives the JVM.
 */
public final class InMemoryInfrastructureFactory extends InfrastructureFactory {

    private InMemoryProcessRecorder processRecorder;
    private InMemoryAggregateRecorder snapshotRecorder;
    private InMemoryParkingRecorder parkingRecorder;
    private InMemoryLeaseRecorder leaseRecorder;
    private InMemorySubjectKeyRecorder subjectKeyRecorder;
    private InMemoryDcbRecorder dcbRecorder;

    /**
     * A factory with an empty store of its own, made on first use.
     *
     * @param applicationName the application's or reader's name; not null
     * @param settings        the settings, scoped to that name; not null
     * @throws NullPointerException when the name or the settings are null
     */
    public InMemoryInfrastructureFactory(String applicationName, Settings settings) {
        super(applicationName, settings);
    }

    // An application asks for one recorder kind; a process application for the process kind.
    // Both are the same store, so a process application's log is also its application log.
    @Override
    public synchronized ApplicationRecorder applicationRecorder() {
        return processRecorder();
    }

    @Override
    public synchronized ProcessRecorder processRecorder() {
        if (processRecorder == null) {
            processRecorder = new InMemoryProcessRecorder();
        }
        return processRecorder;
    }

    @Override
    public synchronized TrackingRecorder trackingRecorder() {
        return processRecorder();
    }

    @Override
    public synchronized AggregateRecorder snapshotRecorder() {
        if (snapshotRecorder == null) {
            snapshotRecorder = new InMemoryAggregateRecorder();
        }
        return snapshotRecorder;
    }

    @Override
    public synchronized ParkingRecorder parkingRecorder() {
        if (parkingRecorder == null) {
            parkingRecorder = new InMemoryParkingRecorder();
        }
        return parkingRecorder;
    }

    // Runners share leases by sharing the factory (or by being given one recorder), as nodes share a database.
    @Override
    public synchronized LeaseRecorder leaseRecorder() {
        if (leaseRecorder == null) {
            leaseRecorder = new InMemoryLeaseRecorder();
        }
        return leaseRecorder;
    }

    @Override
    public synchronized SubjectKeyRecorder subjectKeyRecorder() {
        if (subjectKeyRecorder == null) {
            subjectKeyRecorder = new InMemorySubjectKeyRecorder();
        }
        return subjectKeyRecorder;
    }

    @Override
    public synchronized DcbRecorder dcbRecorder() {
        if (dcbRecorder == null) {
            dcbRecorder = new InMemoryDcbRecorder();
        }
        return dcbRecorder;
    }

    /** Registers the in-memory backend under the name {@code inmemory}. */
    public static final class Provider implements InfrastructureFactory.Provider {

        @Override
        public String name() {
            return DEFAULT_MODULE;
        }

        @Override
        public InfrastructureFactory create(String applicationName, Settings settings) {
            return new InMemoryInfrastructureFactory(applicationName, settings);
        }
    }
}
