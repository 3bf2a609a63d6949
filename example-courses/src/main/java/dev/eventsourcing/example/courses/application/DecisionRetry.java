package dev.eventsourcing.example.courses.application;

import dev.eventsourcing.persistence.IntegrityException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Decides a command again when its append lost a condition race: another command appended an
 * event inside its consistency boundary after it read. That is expected under concurrency and
 * not an error; the next attempt reads what is new and decides on it, and so either succeeds or
 * meets a real refusal (a full course, for instance), which reaches the client.
 *
 * <p>Each attempt must be a whole transaction (a call of an EJB method that starts its own). A
 * lost race means another command on the same boundary succeeded, so a command loses at most as
 * often as the boundary can change before a refusal; after {@link #ATTEMPTS} losses the last
 * {@link IntegrityException} is thrown all the same.
 */
@ApplicationScoped
public class DecisionRetry {

    /** How many times a command is decided before a lost race is reported. */
    public static final int ATTEMPTS = 30;

    /** Runs the command, again after each lost race, up to {@link #ATTEMPTS} times in all. */
    public <T> T run(Supplier<T> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return command.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !lostRace(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static boolean lostRace(Throwable e) {
        // The container may wrap the exception (when the conflict surfaces at commit, say).
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IntegrityException) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        // A short random back-off stops the losers of one race from meeting again at once.
        long millis = ThreadLocalRandom.current().nextLong(1, 2L * Math.min(attempt, 10) + 2);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while deciding a command again", e);
        }
    }
}
