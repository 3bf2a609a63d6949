package dev.eventsourcing.cdi.health;

import dev.eventsourcing.dcb.application.DcbApplication;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether a DCB application's store answers: {@code UP} with its head (the last position, 0 for an
 * empty store) when reading it succeeds, else {@code DOWN} with the error. Named
 * {@code eventsourcing.application.<name>}, as the check of an application of aggregates (the two
 * never share a name).
 */
final class DcbApplicationCheck implements HealthCheck {

    private final Supplier<DcbApplication> application;

    /** A check of the DCB application that {@code application} gives when called (the system may restart). */
    DcbApplicationCheck(Supplier<DcbApplication> application) {
        this.application = application;
    }

    @Override
    public HealthCheckResponse call() {
        DcbApplication checked;
        try {
            checked = application.get();
        } catch (RuntimeException e) {
            return Responses.notRunning("eventsourcing.application", e);
        }
        String name = "eventsourcing.application." + checked.name();
        try {
            long head = checked.recorder().head().orElse(0);
            return new HealthCheckResponse(name, HealthCheckResponse.Status.UP, Optional.of(Map.of("head", head)));
        } catch (RuntimeException e) {
            return new HealthCheckResponse(name, HealthCheckResponse.Status.DOWN,
                    Optional.of(Map.of("error", Responses.describe(e))));
        }
    }
}
