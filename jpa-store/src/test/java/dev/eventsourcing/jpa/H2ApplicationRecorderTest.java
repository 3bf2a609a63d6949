package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.ApplicationRecorderTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2ApplicationRecorderTest extends ApplicationRecorderTestCase<JpaApplicationRecorder> {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected JpaApplicationRecorder createRecorder() {
        return DATABASE.applicationRecorder();
    }
}
