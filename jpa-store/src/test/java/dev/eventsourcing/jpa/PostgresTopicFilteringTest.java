package dev.eventsourcing.jpa;

import dev.eventsourcing.Settings;
import dev.eventsourcing.system.TopicFilteringTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Topic filtering on the JPA store, the recorder filtering in SQL, each test with a fresh store. */
class PostgresTopicFilteringTest extends TopicFilteringTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql();

    @Override
    protected Settings backendSettings() {
        return DATABASE.freshStoreSettings();
    }
}
