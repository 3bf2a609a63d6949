package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.AggregateRecorderTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on EclipseLink (Payara's JPA provider). */
class EclipseLinkH2AggregateRecorderTest extends AggregateRecorderTestCase<JpaAggregateRecorder> {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2().on(TestDatabase.ECLIPSELINK);

    @Override
    protected JpaAggregateRecorder createRecorder() {
        return DATABASE.aggregateRecorder();
    }
}
