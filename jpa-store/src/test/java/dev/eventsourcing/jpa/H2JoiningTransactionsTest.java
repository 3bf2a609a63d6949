package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class H2JoiningTransactionsTest extends JoiningTransactionsTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
