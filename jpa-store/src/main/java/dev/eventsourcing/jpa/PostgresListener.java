package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.CommitWatch;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hears the commits that {@link PostgresNotifier}s announce on channel {@value #CHANNEL} (one
 * per process and database, each telling its own commits) and calls the watchers of the log
 * named in each notification. One dedicated connection, outside every transaction, on one daemon
 * thread, running while anyone watches: the first watch starts it and closing the last one stops
 * it (the thread ends within {@value #WAIT_MILLIS} ms, the connection is closed).
 *
 * <p>A dropped connection (a terminated backend, a restarted server) is opened again with a
 * back-off of {@value #FIRST_RETRY_MILLIS} ms doubling to {@value #MAX_RETRY_MILLIS} ms. Every
 * watcher is called once each time the connection starts listening, the first time included:
 * whatever was announced while nobody listened is lost, and the readers must look. Nothing here
 * is the only way a reader learns of new notifications: they poll as well.
 */
final class PostgresListener {

    /** The channel of the announcements; its payload is the log's (application's) name. */
    static final String CHANNEL = "es_recorded";
    static final int WAIT_MILLIS = 250;
    static final int FIRST_RETRY_MILLIS = 100;
    static final int MAX_RETRY_MILLIS = 5_000;
    /** How long the connection may be quiet before it is checked, so that a silently broken one is noticed. */
    static final int CHECK_AFTER_MILLIS = 10_000;

    private static final Logger LOG = Logger.getLogger(PostgresListener.class.getName());

    private final DedicatedConnections connections;
    private final String name;
    private final CommitWatchers watchers = new CommitWatchers();
    private final Object lifecycle = new Object();
    /** The listening thread; a thread that is no longer this one stops. */
    private volatile Thread thread;

    PostgresListener(DedicatedConnections connections, String name) {
        this.connections = connections;
        this.name = name;
    }

    /** Calls {@code watcher} after each announced commit to the log, until the watch is closed. */
    CommitWatch watch(String log, Runnable watcher) {
        CommitWatch added;
        synchronized (lifecycle) {
            added = watchers.watch(log, watcher);
            if (thread == null) {
                thread = new Thread(this::listen, "eventsourcing-listener-" + name);
                thread.setDaemon(true);
                thread.start();
            }
        }
        return new CommitWatch() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (lifecycle) {
                    if (!closed) {
                        closed = true;
                        added.close();
                        stopWhenUnwatched();
                    }
                }
            }
        };
    }

    /** Whether the listening thread runs (for tests of its lifecycle). */
    boolean listening() {
        synchronized (lifecycle) {
            return thread != null;
        }
    }

    private void stopWhenUnwatched() {
        if (watchers.isEmpty() && thread != null) {
            Thread stopping = thread;
            thread = null;
            if (stopping != Thread.currentThread()) {
                join(stopping);
            }
        }
    }

    private static void join(Thread stopping) {
        try {
            stopping.join(WAIT_MILLIS * 8L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void listen() {
        long retry = FIRST_RETRY_MILLIS;
        boolean failing = false;
        while (running()) {
            Connection connection = null;
            try {
                connection = connections.open();
                PgDriver driver = PgDriver.of(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (failing) {
                    LOG.info(() -> "Listening to commits on " + name + " again");
                }
                failing = false;
                retry = FIRST_RETRY_MILLIS;
                watchers.wakeAll(); // what was announced while nobody listened is lost
                hear(connection, driver);
                unlisten(connection);
            } catch (SQLException | RuntimeException e) {
                if (!running()) {
                    return;
                }
                if (!failing) {
                    LOG.log(Level.WARNING, "Listening to commits on " + name + " failed; readers poll until it listens"
                            + " again, trying from " + FIRST_RETRY_MILLIS + " ms to " + MAX_RETRY_MILLIS + " ms apart: "
                            + JpaExceptions.describe(e));
                }
                failing = true;
                pause(retry);
                retry = Math.min(retry * 2, MAX_RETRY_MILLIS);
            } finally {
                release(connection);
            }
        }
    }

    private void release(Connection connection) {
        if (connection != null) {
            try {
                connections.release(connection);
            } catch (SQLException | RuntimeException e) {
                LOG.fine(() -> "Closing the listening connection failed: " + e);
            }
        }
    }

    private boolean running() {
        return thread == Thread.currentThread();
    }

    private void hear(Connection connection, PgDriver driver) throws SQLException {
        long quietSince = System.nanoTime();
        while (running()) {
            List<String> logs = driver.await(WAIT_MILLIS);
            for (String log : logs) {
                watchers.wake(log);
            }
            if (!logs.isEmpty()) {
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > CHECK_AFTER_MILLIS * 1_000_000L) {
                if (!connection.isValid(5)) {
                    throw new SQLException("The listening connection is no longer valid");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    // A pooled connection goes back to its pool: it must not keep listening there.
    private static void unlisten(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("UNLISTEN *");
        } catch (SQLException e) {
            LOG.fine(() -> "UNLISTEN failed before closing the listening connection: " + e);
        }
    }

    private void pause(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        // In short steps, so that a stop does not wait for the whole back-off.
        while (running() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(Math.min(WAIT_MILLIS, Math.max(1, (deadline - System.nanoTime()) / 1_000_000L)));
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
