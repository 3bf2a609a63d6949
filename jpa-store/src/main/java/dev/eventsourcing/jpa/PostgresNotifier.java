package dev.eventsourcing.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Announces this process's commits to the {@link PostgresListener}s of every process: after a
 * transaction that recorded notifications in a log has committed, the log's name is sent with
 * {@code pg_notify} on channel {@value PostgresListener#CHANNEL}, from a daemon thread, on a
 * connection in auto-commit mode that it holds only while it has something to send.
 *
 * <p>Why after the commit and not by a {@code pg_notify} inside the writer's transaction, which
 * would also reach the listeners exactly at commit: PostgreSQL serialises the commits of all
 * transactions that notify on one lock, held until their commit record is flushed, so that
 * concurrent writers would lose group commit (with 8 writers, a third of the throughput on this
 * project's test machine). A transaction that only notifies writes nothing before its commit
 * record and so waits for no flush: announcing here costs the writers only handing over the
 * log's name. Announcements are coalesced: the names handed over while some are sent go out
 * together next, and a round of them goes out at most once per {@value #SPACING_MICROS} µs, the
 * commits in between going out together in the next round. An announcement costs the database
 * and this process about as much CPU as a small transaction, so a log committed to a few
 * thousand times a second would otherwise spend a large share of it announcing; a commit after
 * a quiet spell is still announced at once, and none waits longer than that spacing. (Readers in
 * this process are woken at the commit itself, without an announcement.) A process that ends
 * between a commit and its announcement leaves the readers to their polling, which is why they
 * still poll.
 *
 * <p>The thread starts on the first announcement and ends after {@value #IDLE_MILLIS} ms with
 * nothing to announce; the next announcement starts it again. A failed announcement is dropped
 * (said once at INFO until one succeeds again: readers poll meanwhile, and a lost database is
 * reported by the writers themselves).
 */
final class PostgresNotifier {

    static final int IDLE_MILLIS = 5_000;
    /** How long {@link #close} waits for an announcement under way to give its connection back. */
    static final int CLOSE_WAIT_MILLIS = 2_000;
    /** The least time between the starts of two rounds of announcements. */
    static final long SPACING_MICROS = 1_000;

    private static final Logger LOG = Logger.getLogger(PostgresNotifier.class.getName());
    private static final String NOTIFY = "SELECT pg_notify('" + PostgresListener.CHANNEL + "', ?)";

    private final DedicatedConnections connections;
    private final String name;
    private final long spacingNanos;
    private final Set<String> pending = new LinkedHashSet<>();
    /** When the last round started; a round after a quiet spell starts at once. */
    private long lastRound = System.nanoTime() - Long.MAX_VALUE / 2;
    private Thread thread;
    private boolean failing;
    private boolean closed;

    PostgresNotifier(DedicatedConnections connections, String name) {
        this(connections, name, SPACING_MICROS * 1_000);
    }

    /** A notifier whose rounds start at least {@code spacingNanos} apart; package-private to be tested. */
    PostgresNotifier(DedicatedConnections connections, String name, long spacingNanos) {
        this.connections = connections;
        this.name = name;
        this.spacingNanos = spacingNanos;
    }

    /** Announces, soon, that a transaction recording in the log has committed; never waits for the database. */
    synchronized void committed(String log) {
        if (closed) {
            return;
        }
        boolean first = pending.isEmpty();
        pending.add(log);
        if (thread == null) {
            thread = new Thread(this::announce, "eventsourcing-notifier-" + name);
            thread.setDaemon(true);
            thread.start();
        } else if (first) {
            // The thread waits for the first name only: while names are pending it is sending or
            // waiting out the spacing, and takes them all in its next round. Waking it for every
            // commit would cost a context switch per commit, and contend for this lock with the
            // committing threads.
            notifyAll();
        }
    }

    private void announce() {
        while (awaitPending()) {
            Connection connection = null;
            try {
                connection = connections.open();
                try (PreparedStatement notify = connection.prepareStatement(NOTIFY)) {
                    Set<String> logs;
                    while (!(logs = nextRound()).isEmpty()) {
                        for (String log : logs) {
                            notify.setString(1, log);
                            notify.execute();
                        }
                    }
                }
                succeeded();
            } catch (SQLException | RuntimeException e) {
                failed(e);
            } finally {
                release(connection);
            }
        }
    }

    /**
     * Stops announcing, for good: what is pending is dropped, and an announcement under way is
     * waited for (at most {@value #CLOSE_WAIT_MILLIS} ms) until its connection is given back. The
     * unit calls it before it closes, whose pool would otherwise find a connection still out
     * (a unit closed just after a commit, as tests and undeployments do) and report a leak.
     */
    void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            pending.clear();
            running = thread;
            notifyAll();
        }
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join(CLOSE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits up to the idle time for something to announce; false, ending the thread, when nothing came or it is closed. */
    private synchronized boolean awaitPending() {
        long deadline = System.nanoTime() + IDLE_MILLIS * 1_000_000L;
        while (pending.isEmpty()) {
            if (closed) {
                thread = null;
                return false;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                thread = null;
                return false;
            }
            try {
                wait(Math.max(1, left / 1_000_000L));
            } catch (InterruptedException e) {
                thread = null;
                return false;
            }
        }
        return true;
    }

    /**
     * What to announce in the next round, once the spacing since the last one has passed (what
     * comes meanwhile joins it); empty at once when nothing is pending, so that the connection is
     * not held through the spacing for nothing, and empty when the notifier is closed.
     */
    private synchronized Set<String> nextRound() {
        long wait;
        while (!closed && !pending.isEmpty() && (wait = lastRound + spacingNanos - System.nanoTime()) > 0) {
            try {
                wait(wait / 1_000_000L, (int) (wait % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Set.of();
            }
        }
        Set<String> logs = new LinkedHashSet<>(pending);
        pending.clear();
        if (!logs.isEmpty()) {
            lastRound = System.nanoTime();
        }
        return logs;
    }

    private void release(Connection connection) {
        if (connection != null) {
            try {
                connections.release(connection);
            } catch (SQLException | RuntimeException e) {
                LOG.fine(() -> "Closing the announcing connection failed: " + e);
            }
        }
    }

    private synchronized void succeeded() {
        if (failing) {
            LOG.info(() -> "Announcing commits on " + name + " again");
            failing = false;
        }
    }

    private synchronized void failed(Exception e) {
        pending.clear();
        if (!failing) {
            LOG.info(() -> "Announcing commits on " + name + " failed; readers elsewhere poll until it works again: "
                    + JpaExceptions.describe(e));
        }
        failing = true;
    }
}
