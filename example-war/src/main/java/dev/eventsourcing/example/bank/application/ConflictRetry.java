package dev.eventsourcing.example.bank.application;

import dev.eventsourcing.persistence.IntegrityException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a command again when it lost an optimistic-concurrency race, so that concurrent commands
 * on one account never lose an update and rarely fail.
 *
 * <p>Each attempt must be a whole transaction (a call of an EJB method that starts its own):
 * the attempt that lost has been rolled back, and the next one gets the account again at its
 * new version. After {@link #ATTEMPTS} lost races the last {@link IntegrityException} is
 * thrown. Other exceptions are thrown at once.
 */
@ApplicationScoped
public class ConflictRetry {

    /** How many times a command is tried before the conflict is reported. */
    public static final int ATTEMPTS = 10;

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
        // The container may wrap the exception (e.g. when the conflict surfaces at commit).
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IntegrityException) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        // A short random back-off stops the losers of one race from meeting again at once.
        long millis = ThreadLocalRandom.current().nextLong(1, 5L * attempt + 2);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a command", e);
        }
    }
}
