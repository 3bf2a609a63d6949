package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.AggregateRecorderTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbAggregateRecorderTest extends AggregateRecorderTestCase<JpaAggregateRecorder> {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariadb();

    @Override
    protected JpaAggregateRecorder createRecorder() {
        return DATABASE.aggregateRecorder();
    }
}
