package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Single-row tracking's rows and upgrade in place. */
class PostgresSingleRowTrackingTest extends SingleRowTrackingTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql();

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
