package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.SnapshotJoiningRecorderTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on EclipseLink (Payara's JPA provider). */
class EclipseLinkPostgresSnapshotJoiningRecorderTest extends SnapshotJoiningRecorderTestCase<JpaApplicationRecorder> {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql().on(TestDatabase.ECLIPSELINK);

    @Override
    protected JpaApplicationRecorder createRecorder() {
        return DATABASE.applicationRecorder();
    }

    @Override
    protected AggregateRecorder createSnapshotRecorder(JpaApplicationRecorder events) {
        return DATABASE.aggregateRecorder();
    }
}
