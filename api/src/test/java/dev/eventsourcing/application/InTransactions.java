package dev.eventsourcing.application;

import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.ParkingRecorder;
import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.SubjectKeyRecorder;
import dev.eventsourcing.persistence.TrackingRecorder;
import dev.eventsourcing.persistence.Transactions;

/**
 * A store's recorders with transactions of a test's own, such as a caller's transactions as a
 * container keeps them. Tests that watch a recorder override its method.
 */
class InTransactions extends InfrastructureFactory {

    private final InfrastructureFactory store;
    private final Transactions transactions;

    InTransactions(InfrastructureFactory store, Transactions transactions) {
        super(store.applicationName(), store.settings());
        this.store = store;
        this.transactions = transactions;
    }

    @Override
    public ApplicationRecorder applicationRecorder() {
        return store.applicationRecorder();
    }

    @Override
    public ProcessRecorder processRecorder() {
        return store.processRecorder();
    }

    @Override
    public TrackingRecorder trackingRecorder() {
        return store.trackingRecorder();
    }

    @Override
    public AggregateRecorder snapshotRecorder() {
        return store.snapshotRecorder();
    }

    @Override
    public ParkingRecorder parkingRecorder() {
        return store.parkingRecorder();
    }

    @Override
    public SubjectKeyRecorder subjectKeyRecorder() {
        return store.subjectKeyRecorder();
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }
}
