package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.Settings;
import dev.eventsourcing.jpa.DatabaseStrategy;
import dev.eventsourcing.jpa.JpaAggregateRecorder;
import dev.eventsourcing.jpa.JpaApplicationRecorder;
import dev.eventsourcing.jpa.JpaProcessRecorder;
import dev.eventsourcing.jpa.JpaTrackingRecorder;
import dev.eventsourcing.jpa.JpaTransactions;
import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.TrackingRecorder;

/**
 * The JPA recorders of one application, in the extension's persistence unit. Snapshots are
 * kept under the name {@code <application>.snapshots}.
 */
final class JpaInfrastructure extends InfrastructureFactory {

    private final JpaTransactions transactions;
    private final JpaTransactions bound;
    private final DatabaseStrategy database;

    JpaInfrastructure(String applicationName, Settings settings, JpaTransactions transactions, JpaTransactions bound,
                      DatabaseStrategy database) {
        super(applicationName, settings);
        this.transactions = transactions;
        this.bound = bound;
        this.database = database;
    }

    @Override
    public ApplicationRecorder applicationRecorder() {
        JpaApplicationRecorder recorder = new JpaApplicationRecorder(applicationName(), transactions, database);
        if (!transactions.ownsTransactions()) {
            // With container transactions the recorder does not register itself; do it now, ahead
            // of concurrent first writers (a transaction is started for it).
            recorder.register();
        }
        return recorder;
    }

    @Override
    public ProcessRecorder processRecorder() {
        return new JpaProcessRecorder(applicationName(), transactions, database);
    }

    @Override
    public TrackingRecorder trackingRecorder() {
        return new JpaTrackingRecorder(applicationName(), bound);
    }

    @Override
    public AggregateRecorder snapshotRecorder() {
        return new JpaAggregateRecorder(applicationName() + ".snapshots", transactions);
    }
}
