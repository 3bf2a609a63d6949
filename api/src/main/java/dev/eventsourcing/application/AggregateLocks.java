package dev.eventsourcing.application;

import dev.eventsourcing.persistence.Transactions;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Per-aggregate locks of one application in one JVM, so that commands on a hot aggregate queue
 * for it instead of racing to the database and losing the version check. They only order
 * commands: correctness never rests on them, since other applications and other nodes do not see
 * them, and the database's version check still decides every save.
 *
 * <p>A lock belongs to a unit of work, not to a thread: a transaction (identified by
 * {@link Transactions#transactionKey()}) holds what it locked until it ends, committed or rolled
 * back, and may end in another thread; {@link #whileLocked} holds one for a call. A unit of work
 * that locks an aggregate it holds already goes on at once (re-entrant). Waiters are served in
 * arrival order.
 *
 * <p>Several aggregates in one unit of work: units that lock the same aggregates in opposite
 * orders would wait for each other for ever, and locking in a fixed order is impossible because
 * a unit of work gets its aggregates one at a time, as its command needs them. So a wait is
 * bounded: after {@code maxWait} the unit of work goes on without the lock, and the database's
 * version check decides, as it would with no lock at all (one of them may then get a
 * {@link dev.eventsourcing.persistence.IntegrityException} and be retried). The same bound ends
 * the wait of a transaction for an aggregate that a transaction it suspended holds.
 *
 * <p>Memory is bounded by the aggregates locked or waited for at the moment: a lock with neither
 * holder nor waiter is dropped.
 */
final class AggregateLocks {

    private static final Logger LOG = Logger.getLogger(AggregateLocks.class.getName());

    private final ConcurrentHashMap<UUID, Entry> entries = new ConcurrentHashMap<>();
    private final long maxWaitNanos;

    /** @param maxWait how long a unit of work waits for a lock before it goes on without it */
    AggregateLocks(Duration maxWait) {
        this.maxWaitNanos = Objects.requireNonNull(maxWait, "maxWait").toNanos();
    }

    /** The lock of one aggregate. {@code users} counts holder and waiters; it changes only inside the map's compute. */
    private static final class Entry {
        final Semaphore permit = new Semaphore(1, true);
        volatile Object owner;
        int users;
    }

    /**
     * Locks the aggregate for the calling thread's transaction, until it ends; does nothing when
     * no transaction can be told apart (the caller then has no unit of work to hold it for).
     */
    void lockForTransaction(UUID id, Transactions transactions) {
        Object transaction = transactions.transactionKey();
        if (transaction == null || !lock(id, transaction)) {
            return;
        }
        try {
            transactions.afterCompletion(() -> unlock(id));
        } catch (RuntimeException e) {
            // The transaction takes no more synchronizations (it is marked for rollback, or
            // ending): nothing would release the lock, so it is not held; the lock only orders
            // commands, and the version check still decides.
            unlock(id);
            LOG.log(Level.FINE, e, () -> "Aggregate " + id + " is not locked: its transaction cannot release it");
        }
    }

    /** Runs the work holding the aggregate's lock, taken for this call alone. */
    <T> T whileLocked(UUID id, Supplier<T> work) {
        boolean locked = lock(id, new Object());
        try {
            return work.get();
        } finally {
            if (locked) {
                unlock(id);
            }
        }
    }

    /** @return how many aggregates are locked or waited for now */
    int size() {
        return entries.size();
    }

    /**
     * Takes the aggregate's lock for {@code owner}.
     *
     * @return true when this call took it (and the caller must {@link #unlock} it once); false
     *         when the owner holds it already, or the wait ran out
     */
    boolean lock(UUID id, Object owner) {
        boolean[] held = {false};
        Entry entry = entries.compute(id, (key, existing) -> {
            Entry e = existing == null ? new Entry() : existing;
            if (owner.equals(e.owner)) {
                held[0] = true;
            } else {
                e.users++;
            }
            return e;
        });
        if (held[0]) {
            return false;
        }
        if (acquire(entry.permit, id)) {
            entry.owner = owner;
            return true;
        }
        leave(id);
        return false;
    }

    /** Releases the lock taken by {@link #lock}, from any thread. */
    void unlock(UUID id) {
        Entry entry = entries.get(id);
        entry.owner = null;
        entry.permit.release();
        leave(id);
    }

    private boolean acquire(Semaphore permit, UUID id) {
        try {
            if (permit.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS)) {
                return true;
            }
            LOG.log(Level.FINE, () -> "Aggregate " + id + " stayed locked for " + Duration.ofNanos(maxWaitNanos)
                    + ": going on without the lock; the version check decides");
        } catch (InterruptedException e) {
            // Keep the interrupt for the caller's next blocking call; the save is still checked.
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private void leave(UUID id) {
        entries.computeIfPresent(id, (key, e) -> --e.users == 0 ? null : e);
    }
}
