package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.ProcessRecorderTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on EclipseLink (Payara's JPA provider). */
class EclipseLinkH2ProcessRecorderTest extends ProcessRecorderTestCase<JpaProcessRecorder> {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2().on(TestDatabase.ECLIPSELINK);

    @Override
    protected JpaProcessRecorder createRecorder() {
        return DATABASE.processRecorder();
    }
}
