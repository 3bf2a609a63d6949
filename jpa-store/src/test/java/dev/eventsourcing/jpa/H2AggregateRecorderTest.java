package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.AggregateRecorderTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2AggregateRecorderTest extends AggregateRecorderTestCase<JpaAggregateRecorder> {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected JpaAggregateRecorder createRecorder() {
        return DATABASE.aggregateRecorder();
    }
}
