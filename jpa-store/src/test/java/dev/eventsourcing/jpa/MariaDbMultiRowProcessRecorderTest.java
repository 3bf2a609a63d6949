package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.ProcessRecorderTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The process recorder contract with a row per recorded position. */
class MariaDbMultiRowProcessRecorderTest extends ProcessRecorderTestCase<JpaProcessRecorder> {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariadb();

    @Override
    protected JpaProcessRecorder createRecorder() {
        return DATABASE.multiRowProcessRecorder();
    }
}
