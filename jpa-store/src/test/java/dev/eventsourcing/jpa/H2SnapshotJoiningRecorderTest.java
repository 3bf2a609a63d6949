package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.SnapshotJoiningRecorderTestCase;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertFalse;

class H2SnapshotJoiningRecorderTest extends SnapshotJoiningRecorderTestCase<JpaApplicationRecorder> {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected JpaApplicationRecorder createRecorder() {
        return DATABASE.applicationRecorder();
    }

    @Override
    protected AggregateRecorder createSnapshotRecorder(JpaApplicationRecorder events) {
        return DATABASE.aggregateRecorder();
    }

    @Test
    void snapshotsOfAnotherPersistenceUnitAreNotJoined() {
        EntityManagerFactory other = DATABASE.openFactory();
        try {
            JpaAggregateRecorder snapshots = new JpaAggregateRecorder(TestDatabase.uniqueName("snapshots"),
                    JpaTransactions.resourceLocal(other), DATABASE.strategy());

            assertFalse(createRecorder().joins(snapshots));
        } finally {
            other.close();
        }
    }
}
