package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.AggregateRecorderTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresAggregateRecorderTest extends AggregateRecorderTestCase<JpaAggregateRecorder> {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql();

    @Override
    protected JpaAggregateRecorder createRecorder() {
        return DATABASE.aggregateRecorder();
    }
}
