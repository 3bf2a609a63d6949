package dev.eventsourcing.system;

import dev.eventsourcing.Settings;

/** The transfers system run by the multi-threaded runner synchronously, in memory. */
class InMemorySynchronousSystemTest extends SystemTestCase {

    @Override
    protected Settings backendSettings() {
        return Settings.empty();
    }

    @Override
    protected Runner startRunner(ApplicationSystem system, Settings settings) {
        MultiThreadedRunner runner = MultiThreadedRunner.builder().system(system).settings(settings).synchronous().build();
        runner.start();
        return runner;
    }
}
