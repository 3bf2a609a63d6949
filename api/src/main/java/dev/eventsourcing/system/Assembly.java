package dev.eventsourcing.system;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.projection.FailurePolicy;
import dev.eventsourcing.projection.Projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the workers of a runner: one per process application and leader of the system, one per
 * projection and application it follows, and one per reader and log of another deployment; one
 * per {@link Segment} instead when a reader's work is divided. Each reads its settings scoped by
 * its reader's name.
 */
final class Assembly {

    private final Plan plan;
    private final Applications applications;
    private final ReaderFactories factories;
    private final String node;
    private final List<Worker> workers = new ArrayList<>();

    private Assembly(Plan plan, Applications applications, ReaderFactories factories, String node) {
        this.plan = plan;
        this.applications = applications;
        this.factories = factories;
        this.node = node;
    }

    /** The workers of this node, once the names are checked. */
    static List<Worker> workers(Plan plan, Applications applications, ReaderFactories factories, String node) {
        ReaderNames.check(plan, applications.byName(), true);
        Assembly assembly = new Assembly(plan, applications, factories, node);
        assembly.followers();
        Map<String, Projection> projections = assembly.projections();
        assembly.remoteLogs(projections);
        return List.copyOf(assembly.workers);
    }

    /** The projections by name, with a worker for each application they follow. */
    private Map<String, Projection> projections() {
        Map<String, Projection> projections = new LinkedHashMap<>();
        for (Plan.ProjectionEdge edge : plan.projections()) {
            projections.put(edge.projection().name(), edge.projection());
            if (edge.upstream() != null) {
                projection(edge.projection(), edge.projection() instanceof DecisionProjection
                        ? FollowedLog.decisions(applications.dcbByName().get(edge.upstream()))
                        : FollowedLog.of(applications.byName().get(edge.upstream())));
            }
        }
        return projections;
    }

    private void remoteLogs(Map<String, Projection> projections) {
        for (Plan.FollowEdge follow : plan.follows()) {
            FollowedLog log = FollowedLog.remote(follow.logName(), follow.log(), follow.mapper());
            Projection projection = projections.get(follow.reader());
            if (projection != null) {
                projection(projection, log);
            } else {
                ProcessApplication follower = (ProcessApplication) applications.byName().get(follow.reader());
                follower.follow(follow.logName(), follow.log(), follow.mapper());
                follower(follower, log);
            }
        }
    }

    private void followers() {
        ApplicationSystem system = plan.system();
        if (system == null) {
            return;
        }
        for (Class<? extends Application> type : system.applications()) {
            for (Class<? extends Application> leaderType : system.leadersOf(type)) {
                ProcessApplication follower = (ProcessApplication) applications.get(type);
                Application leader = applications.get(leaderType);
                follower.follow(leader);
                follower(follower, FollowedLog.of(leader));
            }
        }
    }

    private void follower(ProcessApplication follower, FollowedLog log) {
        RunnerSettings settings = plan.runnerSettings(follower.name());
        FailurePolicy policy = settings.failurePolicyOr(FailurePolicy.PARK);
        Parking parking = parking(follower.name(), log, policy);
        for (Segment segment : Segments.of(follower.name(), log, settings, factories, node)) {
            workers.add(new FollowerWorker(follower, log, segment, settings, policy, parking,
                    backoff(follower.name(), log, settings), plan.metrics()));
        }
    }

    private void projection(Projection projection, FollowedLog log) {
        String name = projection.name();
        RunnerSettings settings = plan.runnerSettings(name);
        FailurePolicy policy = settings.failurePolicyOr(projection.failurePolicy());
        InfrastructureFactory factory = factories.of(name);
        Parking parking = parking(name, log, policy);
        for (Segment segment : Segments.of(name, log, settings, factories, node)) {
            workers.add(new ProjectionWorker(projection, log, segment, settings, policy, factory.trackingRecorder(),
                    factory.transactions(), parking, backoff(name, log, settings), plan.metrics()));
        }
    }

    private Parking parking(String reader, FollowedLog log, FailurePolicy policy) {
        return new Parking(factories.parkingRecorder(reader, policy), reader, log.name(), plan.clock(), plan.metrics(),
                log instanceof DecisionLog);
    }

    private Backoff backoff(String reader, FollowedLog log, RunnerSettings settings) {
        return new Backoff(reader, log.name(), settings.retryDelay(), plan.clock(), plan.metrics());
    }
}
