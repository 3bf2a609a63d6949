package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.ApplicationRecorderTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbApplicationRecorderTest extends ApplicationRecorderTestCase<JpaApplicationRecorder> {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariadb();

    @Override
    protected JpaApplicationRecorder createRecorder() {
        return DATABASE.applicationRecorder();
    }
}
