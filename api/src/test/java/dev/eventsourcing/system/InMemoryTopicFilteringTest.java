package dev.eventsourcing.system;

import dev.eventsourcing.Settings;

/** Topic filtering on the in-memory store. */
class InMemoryTopicFilteringTest extends TopicFilteringTestCase {

    @Override
    protected Settings backendSettings() {
        return Settings.empty();
    }
}
