package dev.eventsourcing.cdi.health;

import dev.eventsourcing.system.ReaderStatus;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether the runner's workers are alive: {@code DOWN} while one has been processing a batch for
 * longer than {@link HealthSettings#hungAfter()} (a hung handler, a blocked database call), or
 * was refused by the executor, or was stopped; its data then say, per reader and log
 * ({@code <reader>/<log>}), what and since when. Named {@code eventsourcing.workers}.
 */
final class WorkersCheck implements HealthCheck {

    static final String NAME = "eventsourcing.workers";

    private final Supplier<List<ReaderStatus>> statuses;
    private final HealthSettings settings;

    /** A check of the statuses {@code statuses} gives when called. */
    WorkersCheck(Supplier<List<ReaderStatus>> statuses, HealthSettings settings) {
        this.statuses = statuses;
        this.settings = settings;
    }

    @Override
    public HealthCheckResponse call() {
        List<ReaderStatus> all;
        try {
            all = statuses.get();
        } catch (RuntimeException e) {
            return Responses.notRunning(NAME, e);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("workers", (long) all.size());
        boolean alive = true;
        for (ReaderStatus status : all) {
            if (!status.alive(settings.hungAfter())) {
                alive = false;
                String what = status.activity() == ReaderStatus.Activity.RUNNING ? "hung" : status.activity().name()
                        .toLowerCase(Locale.ROOT);
                data.put(status.reader() + "/" + status.upstream(), what + " since " + status.activitySince());
            }
        }
        return new HealthCheckResponse(NAME, alive ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(data));
    }
}
