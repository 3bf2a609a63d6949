package dev.eventsourcing.projection;

/**
 * What a runner does when a reader (a projection or a process application) cannot process a
 * notification: after the configured number of attempts, or at once when it cannot be decoded.
 */
public enum FailurePolicy {

    /**
     * Set the notification aside, with its error, and go on with the log. Later notifications
     * of the same originator are parked behind it, so per-originator order holds; other
     * originators go on. Parked notifications can be listed, retried and skipped.
     */
    PARK,

    /**
     * Keep trying the notification, with growing delays, and process nothing after it: for views
     * that depend on the total order of the log.
     */
    STOP
}
