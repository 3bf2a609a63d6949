package dev.eventsourcing.system;

import dev.eventsourcing.application.Application;

/**
 * Runs an {@link ApplicationSystem}: makes its applications, lets followers process what their
 * leaders record, and stops them. Runners differ in where and when processing happens, never in
 * its outcome: the same system ends in the same state under every runner.
 */
public interface Runner extends AutoCloseable {

    /** Makes the applications and starts processing, catching up with what is recorded already. */
    void start();

    /** Stops processing and closes the applications. */
    void stop();

    /**
     * The running application of the given class.
     *
     * @param <A> the application type
     * @param type the application class, as the system names it
     * @return the one instance this runner made
     * @throws IllegalArgumentException when the class is not part of the system
     * @throws IllegalStateException    when the runner is not started
     */
    <A extends Application> A get(Class<A> type);

    @Override
    default void close() {
        stop();
    }
}
