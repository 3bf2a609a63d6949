package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.SnapshotJoiningRecorderTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresSnapshotJoiningRecorderTest extends SnapshotJoiningRecorderTestCase<JpaApplicationRecorder> {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql();

    @Override
    protected JpaApplicationRecorder createRecorder() {
        return DATABASE.applicationRecorder();
    }

    @Override
    protected AggregateRecorder createSnapshotRecorder(JpaApplicationRecorder events) {
        return DATABASE.aggregateRecorder();
    }
}
