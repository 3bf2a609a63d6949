package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Single-row tracking's rows and upgrade in place. */
class H2SingleRowTrackingTest extends SingleRowTrackingTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
