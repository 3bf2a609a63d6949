package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.ApplicationRecorderTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresApplicationRecorderTest extends ApplicationRecorderTestCase<JpaApplicationRecorder> {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql();

    @Override
    protected JpaApplicationRecorder createRecorder() {
        return DATABASE.applicationRecorder();
    }
}
