package dev.eventsourcing.persistence;

/**
 * A registration made with {@link ApplicationRecorder#watchCommits}: closing it stops the calls.
 * Closing twice does nothing more.
 */
@FunctionalInterface
public interface CommitWatch extends AutoCloseable {

    /** A watch that was never told anything: what a backend that cannot tell of commits returns. */
    CommitWatch NONE = () -> {
    };

    /** Stops the calls to the listener; a call under way may still finish. */
    @Override
    void close();
}
