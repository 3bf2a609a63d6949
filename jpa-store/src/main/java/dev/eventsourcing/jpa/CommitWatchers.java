package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.CommitWatch;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The watchers of commits, by log: {@link PostgresListener} calls them when a commit is
 * announced, and {@link PostgresPush} keeps a second set for the commits this process makes
 * through its unit, which it calls on the committing thread once the commit is complete, without
 * waiting for their announcement to go to the database and come back to the listener (a
 * subscription in the process that wrote then reads a commit some round trips and two thread
 * hand-offs sooner; the announcement still goes out, for every other process). A watcher that
 * fails is reported and passed over: the commit it was told of is done. Thread-safe.
 */
final class CommitWatchers {

    private static final Logger LOG = Logger.getLogger(CommitWatchers.class.getName());

    private final Map<String, List<Runnable>> watchers = new ConcurrentHashMap<>();

    /** Calls {@code watcher} at each {@link #wake} of the log, until the watch is closed (closing it again does nothing). */
    CommitWatch watch(String log, Runnable watcher) {
        Runnable entry = watcher::run; // its own identity, so that one watcher can watch twice
        watchers.computeIfAbsent(log, key -> new CopyOnWriteArrayList<>()).add(entry);
        return () -> watchers.computeIfPresent(log, (key, ofLog) -> {
            ofLog.remove(entry);
            return ofLog.isEmpty() ? null : ofLog;
        });
    }

    /** Whether no watch is open. */
    boolean isEmpty() {
        return watchers.isEmpty();
    }

    /** Calls the watchers of the log: a commit that recorded in it is complete. */
    void wake(String log) {
        List<Runnable> ofLog = watchers.get(log);
        if (ofLog != null) {
            ofLog.forEach(CommitWatchers::call);
        }
    }

    /** Calls every watcher, of every log. */
    void wakeAll() {
        watchers.values().forEach(ofLog -> ofLog.forEach(CommitWatchers::call));
    }

    private static void call(Runnable watcher) {
        try {
            watcher.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A watcher of commits failed", e);
        }
    }
}
