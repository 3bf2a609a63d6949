package dev.eventsourcing.system;

import dev.eventsourcing.MetricsListener;
import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.NotificationLog;
import dev.eventsourcing.dcb.application.DcbApplication;
import dev.eventsourcing.persistence.Infrastructure;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.projection.Projection;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What a {@link MultiThreadedRunner} was built with: checked once, and used every time it
 * starts.
 *
 * @param system      the system whose applications it makes, or {@code null}
 * @param given       applications made elsewhere, used as they are
 * @param dcbGiven    DCB applications made elsewhere, whose positions projections may follow
 * @param projections projections and the application each follows
 * @param follows     readers following logs of other deployments
 * @param executor    where workers run, or {@code null} when synchronous
 * @param timer       where the runner's timed tasks start (see {@link Timing}); the executor
 *                    itself when {@code null}
 * @param metrics     told what the applications it makes and its readers do
 * @param node        this node's id among those that share the readers' segments, or {@code null}
 *                    for a new one at every start
 */
record Plan(ApplicationSystem system, Settings settings, Infrastructure infrastructure, List<Application> given,
            List<DcbApplication> dcbGiven, List<ProjectionEdge> projections, List<FollowEdge> follows, ScheduledExecutorService executor,
            ScheduledExecutorService timer, boolean synchronous, Clock clock, MetricsListener metrics, String node) {

    /**
     * A projection following the log of an application of the runner, or none ({@code upstream}
     * null); a {@link DecisionProjection} follows the positions of a DCB application.
     */
    record ProjectionEdge(Projection projection, String upstream) {
        ProjectionEdge {
            Objects.requireNonNull(projection, "projection");
        }
    }

    /** A reader following a log of another deployment, known here as {@code logName}. */
    record FollowEdge(String reader, String logName, NotificationLog log, Mapper mapper) {
        FollowEdge {
            Objects.requireNonNull(reader, "reader");
            Objects.requireNonNull(logName, "logName");
            Objects.requireNonNull(log, "log");
            Objects.requireNonNull(mapper, "mapper");
        }
    }

    Plan {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(infrastructure, "infrastructure");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(metrics, "metrics");
        given = List.copyOf(given);
        dcbGiven = List.copyOf(dcbGiven);
        projections = List.copyOf(projections);
        follows = List.copyOf(follows);
        if (executor == null && !synchronous) {
            throw new IllegalStateException("A MultiThreadedRunner needs an executor: call executor(ScheduledExecutorService)"
                    + " with the container's managed executor or a pool of your own, or synchronous() to run readers"
                    + " in the thread that commits");
        }
        if (executor != null && synchronous) {
            throw new IllegalStateException("A MultiThreadedRunner runs either on an executor or synchronously, not both");
        }
        if (timer != null && synchronous) {
            throw new IllegalStateException("A synchronous MultiThreadedRunner keeps no time: it takes no timer");
        }
    }

    /** Where the runner's timed tasks start, or {@code null} when synchronous. */
    Timing timing() {
        return executor == null ? null : new Timing(timer == null ? executor : timer, executor);
    }

    /** The runner's own settings (poll interval), or a reader's when scoped by its name. */
    RunnerSettings runnerSettings(String scope) {
        return RunnerSettings.read(scope == null ? settings : settings.scoped(scope));
    }
}
