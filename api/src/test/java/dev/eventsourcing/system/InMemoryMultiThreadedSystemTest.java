package dev.eventsourcing.system;

import dev.eventsourcing.Settings;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** The transfers system run by the multi-threaded runner on a pool of four threads, in memory. */
class InMemoryMultiThreadedSystemTest extends SystemTestCase {

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(4);

    @AfterEach
    void shutdown() {
        executor.shutdownNow();
    }

    @Override
    protected Settings backendSettings() {
        return Settings.empty();
    }

    @Override
    protected Runner startRunner(ApplicationSystem system, Settings settings) {
        MultiThreadedRunner runner = MultiThreadedRunner.builder().system(system).settings(settings).executor(executor)
                .build();
        runner.start();
        return runner;
    }

    @Override
    protected void awaitProcessed(Runner runner) {
        ((Readers) runner).waitUntilCaughtUp(Duration.ofSeconds(30));
    }
}
