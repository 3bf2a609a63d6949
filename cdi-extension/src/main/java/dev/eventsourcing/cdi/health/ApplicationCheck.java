package dev.eventsourcing.cdi.health;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.dcb.application.DcbApplication;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Whether an application's store answers: {@code UP} with its last position when the cheapest
 * query of its store succeeds, else {@code DOWN} with the error. Named
 * {@code eventsourcing.application.<name>}; an application of aggregates and a DCB application
 * never share a name. The last position is the last notification id of an application's log
 * ({@code last-notification-id}), or the head of a DCB application's store ({@code head}, 0 when
 * empty).
 */
final class ApplicationCheck implements HealthCheck {

    /** What the check reads of the application it is given. */
    private record Probe(String name, String key, LongSupplier lastPosition) {
    }

    private final Supplier<Probe> probe;

    private ApplicationCheck(Supplier<Probe> probe) {
        this.probe = probe;
    }

    /** A check of the application that {@code application} gives when called (the system may restart). */
    static ApplicationCheck of(Supplier<Application> application) {
        return new ApplicationCheck(() -> {
            Application checked = application.get();
            return new Probe(checked.name(), "last-notification-id", () -> checked.recorder().maxNotificationId());
        });
    }

    /** A check of the DCB application that {@code application} gives when called. */
    static ApplicationCheck ofDcb(Supplier<DcbApplication> application) {
        return new ApplicationCheck(() -> {
            DcbApplication checked = application.get();
            return new Probe(checked.name(), "head", () -> checked.recorder().head().orElse(0));
        });
    }

    @Override
    public HealthCheckResponse call() {
        Probe checked;
        try {
            checked = probe.get();
        } catch (RuntimeException e) {
            return Responses.notRunning("eventsourcing.application", e);
        }
        String name = "eventsourcing.application." + checked.name();
        try {
            long last = checked.lastPosition().getAsLong();
            return new HealthCheckResponse(name, HealthCheckResponse.Status.UP, Optional.of(Map.of(checked.key(), last)));
        } catch (RuntimeException e) {
            return new HealthCheckResponse(name, HealthCheckResponse.Status.DOWN,
                    Optional.of(Map.of("error", Responses.describe(e))));
        }
    }
}
