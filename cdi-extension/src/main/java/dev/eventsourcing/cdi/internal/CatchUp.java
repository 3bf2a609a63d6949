package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.persistence.WaitTimeoutException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Waits until every worker has processed every log it follows to its end, as
 * {@link dev.eventsourcing.cdi.Projections#waitUntilCaughtUp} promises.
 *
 * <p>The end of a log of this deployment is its highest notification id, and a worker has
 * caught up when its position reaches it. The end of another deployment's log is not known
 * here without reading all of it; instead the wait asks for a fresh run of each worker that
 * follows one, and waits until a run begun after the wait did find nothing more in that log.
 * What the remote log held when the pass began has then been processed (its ids become visible
 * in order), at the cost of one read of that log per pass beyond what polling does anyway.
 *
 * <p>Process applications may record more while others wait (a cycle), so passes repeat until
 * one ends with every local log as long as it was when the pass began.
 */
final class CatchUp {

    private CatchUp() {
    }

    /**
     * @param logEnds the highest notification id of each log of this deployment, by name
     * @param prompt  starts a run of the workers that follow the named log
     * @throws WaitTimeoutException when the workers have not caught up within the timeout
     */
    static void await(List<Worker> workers, Supplier<Map<String, Long>> logEnds, Consumer<String> prompt,
                      Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> ends = logEnds.get();
        while (true) {
            Map<Worker, Long> remote = new LinkedHashMap<>();
            for (Worker worker : workers) {
                if (!ends.containsKey(worker.upstream())) {
                    remote.put(worker, worker.runsBegun());
                }
            }
            remote.keySet().stream().map(Worker::upstream).distinct().forEach(prompt);
            for (Worker worker : workers) {
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                Long mark = remote.get(worker);
                if (mark != null) {
                    worker.awaitEnd(mark, left);
                } else if (ends.get(worker.upstream()) > 0) {
                    worker.waitFor(ends.get(worker.upstream()), left);
                }
            }
            Map<String, Long> now = logEnds.get();
            if (now.equals(ends)) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new WaitTimeoutException("The logs kept growing for " + timeout + ": " + now);
            }
            ends = now; // a follower recorded more while we waited: wait for its readers too
        }
    }
}
