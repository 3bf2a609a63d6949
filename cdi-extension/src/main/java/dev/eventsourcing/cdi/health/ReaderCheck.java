package dev.eventsourcing.cdi.health;

import dev.eventsourcing.system.ReaderStatus;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether a reader (a projection, or a process application) is ready: {@code UP} when in every
 * log it follows it lags by at most {@link HealthSettings#maxLag()} notifications and
 * {@link HealthSettings#maxLagDuration()}, and has nothing parked; else {@code DOWN} with a
 * {@code reason}. Named {@code eventsourcing.reader.<name>}; its data hold, per log followed,
 * {@code <log>.position}, {@code .lag}, {@code .lag-seconds} and {@code .parked}, and while the
 * reader fails {@code .failing-id}, {@code .attempts} and {@code .last-failure}.
 */
final class ReaderCheck implements HealthCheck {

    private final Supplier<String> reader;
    private final Supplier<List<ReaderStatus>> statuses;
    private final HealthSettings settings;

    /** A check of the reader {@code reader} names, among the statuses {@code statuses} gives when called. */
    ReaderCheck(Supplier<String> reader, Supplier<List<ReaderStatus>> statuses, HealthSettings settings) {
        this.reader = reader;
        this.statuses = statuses;
        this.settings = settings;
    }

    @Override
    public HealthCheckResponse call() {
        String name;
        List<ReaderStatus> own;
        try {
            name = reader.get();
            own = statuses.get().stream().filter(status -> status.reader().equals(name)).toList();
        } catch (RuntimeException e) {
            return Responses.notRunning("eventsourcing.reader", e);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ReaderStatus status : own) {
            describe(status, data);
            problems.addAll(problems(status));
        }
        if (!problems.isEmpty()) {
            data.put("reason", String.join("; ", problems));
        }
        HealthCheckResponse.Status up = problems.isEmpty() ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN;
        return new HealthCheckResponse("eventsourcing.reader." + name, up, Optional.of(data));
    }

    private static void describe(ReaderStatus status, Map<String, Object> data) {
        String log = status.upstream() + ".";
        data.put(log + "position", status.position());
        data.put(log + "lag", status.lag());
        data.put(log + "lag-seconds", status.lagDuration().toSeconds());
        data.put(log + "parked", status.parked());
        if (status.failing()) {
            data.put(log + "failing-id", status.failingId());
            data.put(log + "attempts", (long) status.attempts());
            data.put(log + "last-failure", status.failure());
        }
    }

    private List<String> problems(ReaderStatus status) {
        List<String> problems = new ArrayList<>();
        String log = " of '" + status.upstream() + "'";
        if (status.parked() > 0) {
            problems.add(status.parked() + " notification(s)" + log + " parked");
        }
        if (status.lag() > settings.maxLag()) {
            problems.add(status.lag() + " notification(s)" + log + " behind, more than " + settings.maxLag());
        }
        if (status.lagDuration().compareTo(settings.maxLagDuration()) > 0) {
            problems.add("behind" + log + " for " + status.lagDuration().toSeconds() + " s, longer than "
                    + settings.maxLagDuration().toSeconds() + " s");
        }
        return problems;
    }
}
