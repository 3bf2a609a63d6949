package dev.eventsourcing.cdi.health;

import org.eclipse.microprofile.health.HealthCheckResponse;

import java.util.Map;
import java.util.Optional;

/** What the checks share: the answer while the system does not run, and how an error reads. */
final class Responses {

    private Responses() {
    }

    /** {@code DOWN}, because the system is not running (starting, stopping, or failed to start). */
    static HealthCheckResponse notRunning(String name, RuntimeException e) {
        return new HealthCheckResponse(name, HealthCheckResponse.Status.DOWN,
                Optional.of(Map.of("error", describe(e))));
    }

    /** The exception's class and message. */
    static String describe(Throwable e) {
        return e.getClass().getName() + ": " + e.getMessage();
    }
}
