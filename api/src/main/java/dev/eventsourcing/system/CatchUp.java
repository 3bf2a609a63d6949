package dev.eventsourcing.system;

import dev.eventsourcing.persistence.WaitTimeoutException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Waits until every worker has processed its log to the end, as
 * {@link Readers#waitUntilCaughtUp} promises.
 *
 * <p>The end of a log of this runner is its highest notification id, and a worker has caught up
 * when its position reaches it. The end of another deployment's log is not known here without
 * reading all of it; instead the wait prompts each worker that follows one and waits until a
 * run begun after the wait began found nothing more. What the remote log held when the pass
 * began has then been processed (its ids become visible in order), at the cost of one read of
 * that log per pass beyond what polling does anyway.
 *
 * <p>Process applications may record more while others wait (a cycle), so passes repeat until
 * one ends with every local log as long as it was when the pass began.
 */
final class CatchUp {

    private CatchUp() {
    }

    /**
     * @param logEnds the highest notification id of each log of this runner, by name
     * @param prompt  starts a run of a worker
     * @throws WaitTimeoutException when the workers have not caught up within the timeout
     */
    static void await(List<Worker> workers, Supplier<Map<String, Long>> logEnds, Consumer<Worker> prompt,
                      Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> ends = logEnds.get();
        while (true) {
            pass(workers, ends, prompt, deadline);
            Map<String, Long> now = logEnds.get();
            if (now.equals(ends)) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new WaitTimeoutException("The logs kept growing for " + timeout + ": " + now);
            }
            ends = now; // a process application recorded more while we waited: wait for its readers too
        }
    }

    /** Waits for every worker to reach the end its log had when the pass began. */
    private static void pass(List<Worker> workers, Map<String, Long> ends, Consumer<Worker> prompt, long deadline) {
        Map<Worker, Long> marks = new LinkedHashMap<>();
        workers.stream().filter(worker -> worker.log.remote()).forEach(worker -> marks.put(worker, worker.runs.begun()));
        marks.keySet().forEach(prompt);
        for (Worker worker : workers) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            Long mark = marks.get(worker);
            long end = ends.getOrDefault(worker.log.name(), 0L);
            if (mark != null) {
                worker.runs.awaitEnd(mark, left);
            } else if (end > 0) {
                worker.waitFor(end, left);
            }
        }
    }
}
