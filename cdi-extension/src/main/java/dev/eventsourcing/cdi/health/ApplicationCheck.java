package dev.eventsourcing.cdi.health;

import dev.eventsourcing.application.Application;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether an application's event store answers: {@code UP} with the last notification id when
 * the cheapest query of its log succeeds, else {@code DOWN} with the error. Named
 * {@code eventsourcing.application.<name>}.
 */
final class ApplicationCheck implements HealthCheck {

    private final Supplier<Application> application;

    /** A check of the application that {@code application} gives when called (the system may restart). */
    ApplicationCheck(Supplier<Application> application) {
        this.application = application;
    }

    @Override
    public HealthCheckResponse call() {
        Application checked;
        try {
            checked = application.get();
        } catch (RuntimeException e) {
            return Responses.notRunning("eventsourcing.application", e);
        }
        String name = "eventsourcing.application." + checked.name();
        try {
            long last = checked.recorder().maxNotificationId();
            return new HealthCheckResponse(name, HealthCheckResponse.Status.UP,
                    Optional.of(Map.of("last-notification-id", last)));
        } catch (RuntimeException e) {
            return new HealthCheckResponse(name, HealthCheckResponse.Status.DOWN,
                    Optional.of(Map.of("error", Responses.describe(e))));
        }
    }
}
