package dev.eventsourcing.system;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.LeaseRecorder;
import dev.eventsourcing.persistence.ParkingRecorder;
import dev.eventsourcing.persistence.inmemory.InMemoryParkingRecorder;
import dev.eventsourcing.projection.FailurePolicy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The infrastructure factories the runner makes for its readers, one per reader name, from its
 * {@link dev.eventsourcing.persistence.Infrastructure} and its settings scoped by that name:
 * they give a projection its tracking recorder and transactions, and every reader its parking
 * recorder. Closed when the runner stops.
 */
final class ReaderFactories {

    private static final Logger LOG = Logger.getLogger(ReaderFactories.class.getName());

    private final Plan plan;
    private final Map<String, InfrastructureFactory> made = new LinkedHashMap<>();

    ReaderFactories(Plan plan) {
        this.plan = plan;
    }

    /** The factory of the reader of this name. */
    synchronized InfrastructureFactory of(String reader) {
        return made.computeIfAbsent(reader, name -> plan.infrastructure().factory(name, plan.settings().scoped(name)));
    }

    /**
     * The reader's parking recorder. A reader that never parks (policy STOP) on a backend that
     * keeps no parked notifications gets an empty one of its own.
     *
     * @throws ConfigurationException when the reader parks but the backend keeps no parked notifications
     */
    ParkingRecorder parkingRecorder(String reader, FailurePolicy policy) {
        InfrastructureFactory factory = of(reader);
        try {
            return factory.parkingRecorder();
        } catch (UnsupportedOperationException e) {
            if (policy == FailurePolicy.STOP) {
                return new InMemoryParkingRecorder();
            }
            throw new ConfigurationException("The reader '" + reader + "' parks notifications that keep failing, but its"
                    + " backend (" + factory.getClass().getName() + ") keeps no parked notifications; set '" + reader
                    + "." + RunnerSettings.FAILURE_POLICY + "=stop' or use a backend that does", e);
        }
    }

    /**
     * The lease recorder of the reader's store, by which nodes divide its segments.
     *
     * @throws ConfigurationException when the backend keeps no leases
     */
    LeaseRecorder leaseRecorder(String reader) {
        return of(reader).leaseRecorder();
    }

    /** Closes every factory made. */
    synchronized void close() {
        made.values().forEach(factory -> {
            try {
                factory.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "Closing the infrastructure of '" + factory.applicationName() + "' failed");
            }
        });
        made.clear();
    }
}
