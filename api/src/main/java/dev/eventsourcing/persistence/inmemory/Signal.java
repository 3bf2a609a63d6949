package dev.eventsourcing.persistence.inmemory;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes threads that wait for a recorder to change. Each {@link #fire()} starts a new
 * generation; a waiter first reads the generation, then checks the recorder, then waits for a
 * later generation, so a change made between its check and its wait is never missed.
 */
final class Signal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition fired = lock.newCondition();
    private long generation;

    /** The current generation, to be read before checking the state waited for. */
    long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /** Starts a new generation and wakes every waiter. */
    void fire() {
        lock.lock();
        try {
            generation++;
            fired.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until a generation after {@code seen} starts. */
    void awaitAfter(long seen) throws InterruptedException {
        lock.lock();
        try {
            while (generation == seen) {
                fired.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a generation after {@code seen} starts or the time runs out.
     *
     * @return the nanoseconds left; zero or less when the time ran out
     */
    long awaitAfter(long seen, long nanos) throws InterruptedException {
        lock.lock();
        try {
            long left = nanos;
            while (generation == seen && left > 0) {
                left = fired.awaitNanos(left);
            }
            return left;
        } finally {
            lock.unlock();
        }
    }
}
