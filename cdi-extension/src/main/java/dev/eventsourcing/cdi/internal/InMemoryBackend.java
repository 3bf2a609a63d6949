package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.Settings;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.TrackingRecorder;
import dev.eventsourcing.persistence.inmemory.InMemoryInfrastructureFactory;
import dev.eventsourcing.persistence.inmemory.InMemoryTrackingRecorder;

/**
 * The in-memory store: nothing survives the container, and there are no transactions, so a
 * handler that fails half-way leaves whatever it changed; its position is not recorded and the
 * event is handled again.
 */
final class InMemoryBackend implements Backend {

    @Override
    public InfrastructureFactory factory(String applicationName, Settings settings) {
        return new InMemoryInfrastructureFactory(applicationName, settings);
    }

    @Override
    public TrackingRecorder trackingRecorder(String projectionName) {
        return new InMemoryTrackingRecorder();
    }

    @Override
    public DispatchTransactions transactions() {
        return DispatchTransactions.NONE;
    }

    @Override
    public void close() {
    }
}
