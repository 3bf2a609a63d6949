package dev.eventsourcing.system;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Who may run a worker now: at most one run (or one operator's retry) at a time, and never a
 * thread waiting for it. A prompt that finds the turn taken only leaves word ({@code again}), and
 * whoever holds the turn runs the worker once more when it is done; so no prompt is lost and no
 * executor thread ever blocks on another run of the same worker.
 */
final class Turn {

    private final AtomicBoolean taken = new AtomicBoolean();
    private volatile boolean again;

    /**
     * Asks for a run. Returns true when the caller got the turn and must now run (or submit)
     * the worker; false when the holder will run it again instead.
     */
    boolean request() {
        again = true; // before the attempt, so that a holder finishing meanwhile sees it
        return taken.compareAndSet(false, true);
    }

    /** Marks the beginning of a run: what was asked for until now, this run reads. */
    void begin() {
        again = false;
    }

    /** Gives the turn back; true when a prompt arrived during the run, so that it must run again. */
    boolean end() {
        taken.set(false);
        return again;
    }

    /**
     * Takes the turn for something other than a run (an operator's retry of parked
     * notifications), waiting up to the timeout for a run under way to end.
     *
     * @throws IllegalStateException when the turn is not free within the timeout
     */
    void take(String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!taken.compareAndSet(false, true)) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(what + " is busy for longer than " + timeout + "; try again later");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
    }

    /** Whether a run holds the turn now. */
    boolean taken() {
        return taken.get();
    }
}
