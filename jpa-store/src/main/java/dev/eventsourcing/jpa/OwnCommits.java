package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.CommitWatch;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Prompts the subscriptions of a persistence unit after the commits that this process made
 * through it, on the committing thread once the commit is complete, without waiting for their
 * announcement to go to the database and come back to the {@link PostgresListener}: a
 * subscription in the process that wrote reads a commit some round trips and two thread
 * hand-offs sooner. The announcement still goes out, for every other process.
 */
final class OwnCommits {

    private static final Logger LOG = Logger.getLogger(OwnCommits.class.getName());

    private final Map<String, List<Runnable>> watchers = new ConcurrentHashMap<>();

    /** Calls {@code watcher} after each commit of this process to the log, until the watch is closed. */
    CommitWatch watch(String log, Runnable watcher) {
        Runnable entry = watcher::run; // its own identity, so that one watcher can watch twice
        watchers.computeIfAbsent(log, key -> new CopyOnWriteArrayList<>()).add(entry);
        return () -> watchers.computeIfPresent(log, (key, ofLog) -> {
            ofLog.remove(entry);
            return ofLog.isEmpty() ? null : ofLog;
        });
    }

    /** Tells the watchers of the log that a transaction recording in it has committed. */
    void committed(String log) {
        List<Runnable> ofLog = watchers.get(log);
        if (ofLog != null) {
            for (Runnable watcher : ofLog) {
                try {
                    watcher.run();
                } catch (RuntimeException e) {
                    // The writer's commit is done: a watcher must not fail it.
                    LOG.log(Level.WARNING, "A watcher of commits failed", e);
                }
            }
        }
    }
}
