package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.CommitWatch;
import dev.eventsourcing.persistence.Transactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.logging.Logger;

/**
 * Push on PostgreSQL: one {@link PostgresListener} and one {@link PostgresNotifier} per
 * persistence unit (so one listening connection per database and process, however many
 * applications, readers and subscriptions use it), found from the recorders' units of work.
 * Where the unit's properties name no way to open a connection of its own, push is off for that
 * unit (said once, at INFO) and readers poll.
 */
final class PostgresPush {

    private static final Logger LOG = Logger.getLogger(PostgresPush.class.getName());
    // Weak keys: a closed and forgotten unit takes its push with it (whose threads have ended by then).
    private static final Map<EntityManagerFactory, Optional<PostgresPush>> BY_UNIT = new WeakHashMap<>();

    final PostgresListener listener;
    final PostgresNotifier notifier;
    /** Watchers of this process's own commits through the unit, called at the commit (see {@link CommitWatchers}). */
    final CommitWatchers ownCommits = new CommitWatchers();

    private PostgresPush(DedicatedConnections connections, String name) {
        this.listener = new PostgresListener(connections, name);
        this.notifier = new PostgresNotifier(connections, name);
    }

    /** The push of the unit, made on first use; empty when the unit cannot give a connection of its own. */
    static Optional<PostgresPush> of(EntityManagerFactory unit) {
        synchronized (BY_UNIT) {
            return BY_UNIT.computeIfAbsent(unit, key -> {
                Optional<DedicatedConnections> connections = DedicatedConnections.of(key);
                if (connections.isEmpty()) {
                    LOG.info(() -> "Readers of " + key + " poll only: its properties name no data source or JDBC URL"
                            + " from which to open a connection to listen to commits");
                }
                return connections.map(found -> new PostgresPush(found, Integer.toHexString(System.identityHashCode(key))));
            });
        }
    }

    /**
     * Stops the unit's announcements before the unit closes, so that its pool finds no
     * connection still out; the listener stops by itself when its last watch is closed.
     */
    static void closing(EntityManagerFactory unit) {
        Optional<PostgresPush> push;
        synchronized (BY_UNIT) {
            push = BY_UNIT.remove(unit);
        }
        if (push != null) {
            push.ifPresent(each -> each.notifier.close());
        }
    }

    /** The {@link CommitSignals} of recorders on one unit's transactions, which find the unit on first use. */
    static final class Signals implements CommitSignals {

        private final JpaTransactions transactions;
        private final Transactions afterCommit;
        private final Duration pollInterval;
        private volatile Optional<PostgresPush> push;

        Signals(JpaTransactions transactions, Transactions afterCommit, Duration pollInterval) {
            this.transactions = transactions;
            this.afterCommit = afterCommit;
            this.pollInterval = pollInterval;
        }

        @Override
        public Duration pollInterval() {
            return pollInterval;
        }

        @Override
        public CommitWatch watch(String log, Runnable watcher) {
            return unit().map(each -> each.listener.watch(log, watcher)).orElse(CommitWatch.NONE);
        }

        @Override
        public CommitWatch watchIncludingOwn(String log, Runnable watcher) {
            return unit().map(each -> {
                CommitWatch announced = each.listener.watch(log, watcher);
                CommitWatch own = each.ownCommits.watch(log, watcher);
                return (CommitWatch) () -> {
                    own.close();
                    announced.close();
                };
            }).orElse(CommitWatch.NONE);
        }

        private Optional<PostgresPush> unit() {
            Optional<PostgresPush> found = push;
            if (found != null) {
                return found;
            }
            try {
                return found(transactions.inTransaction(EntityManager::getEntityManagerFactory));
            } catch (RuntimeException e) {
                // Not fatal: the reader polls. A later watch or write finds the unit.
                LOG.fine(() -> "Cannot find the persistence unit to listen to its commits (readers poll): " + e);
                return Optional.empty();
            }
        }

        @Override
        public void recorded(String log, EntityManagerFactory unit) {
            if (afterCommit == null) {
                return;
            }
            Optional<PostgresPush> found = push;
            Optional<PostgresPush> known = found != null ? found : found(unit);
            known.ifPresent(each -> afterCommit.afterCommit(() -> {
                each.notifier.committed(log);
                each.ownCommits.wake(log);
            }));
        }

        private Optional<PostgresPush> found(EntityManagerFactory unit) {
            Optional<PostgresPush> found = PostgresPush.of(unit);
            push = found;
            return found;
        }
    }
}
