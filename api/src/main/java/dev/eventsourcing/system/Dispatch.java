package dev.eventsourcing.system;

/**
 * Decides when and in which thread workers run: {@link SynchronousDispatch} in the thread that
 * prompts, {@link AsynchronousDispatch} on an executor.
 */
interface Dispatch {

    /** Runs the worker soon (or now), once more than it would have run anyway. */
    void prompt(Worker worker);

    /** Schedules nothing more; a run under way finishes. */
    void stop();
}
