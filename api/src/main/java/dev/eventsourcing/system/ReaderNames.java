package dev.eventsourcing.system;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.dcb.application.DcbApplication;
import dev.eventsourcing.projection.Projection;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks the names of a runner's applications, readers and logs. A reader's name keys its
 * tracking rows and parked notifications, and a log's name keys the positions in it, so two
 * readers of one name would share (and corrupt) each other's positions.
 */
final class ReaderNames {

    private static final String WHY = "; a reader's name keys its tracking rows and parked notifications, so every"
            + " application and projection of a runner needs a name of its own";

    private ReaderNames() {
    }

    /**
     * The applications by name.
     *
     * @throws ConfigurationException when two applications have one name
     */
    static Map<String, Application> byName(Collection<Application> applications) {
        Map<String, Application> byName = new LinkedHashMap<>();
        for (Application application : applications) {
            Application other = byName.putIfAbsent(application.name(), application);
            if (other != null && other != application) {
                throw new ConfigurationException("Two applications are named '" + application.name() + "' ("
                        + other.getClass().getName() + " and " + application.getClass().getName() + ")" + WHY);
            }
        }
        return byName;
    }

    /**
     * Checks the plan's readers against the applications known so far; {@code complete} when
     * every application is known, so that upstreams and followed readers must exist.
     *
     * @throws ConfigurationException naming the clash or the missing name
     */
    static void check(Plan plan, Map<String, Application> applications, boolean complete) {
        Map<String, DcbApplication> dcb = dcbByName(plan.dcbGiven(), applications);
        Map<String, Projection> projections = new LinkedHashMap<>();
        Set<String> edges = new HashSet<>();
        for (Plan.ProjectionEdge edge : plan.projections()) {
            check(edge, projections, applications, complete);
            checkDcb(edge, dcb);
            if (edge.upstream() != null && !edges.add(edge.projection().name() + "\n" + edge.upstream())) {
                throw new ConfigurationException("The projection '" + edge.projection().name() + "' follows '"
                        + edge.upstream() + "' twice");
            }
        }
        for (Plan.FollowEdge follow : plan.follows()) {
            if (!edges.add(follow.reader() + "\n" + follow.logName())) {
                throw new ConfigurationException("'" + follow.reader() + "' follows the log '" + follow.logName() + "' twice");
            }
            check(follow, projections, applications, complete);
        }
    }

    /**
     * The DCB applications by name.
     *
     * @throws ConfigurationException when two have one name, or one has the name of an application
     */
    static Map<String, DcbApplication> dcbByName(Collection<DcbApplication> given, Map<String, Application> applications) {
        Map<String, DcbApplication> byName = new LinkedHashMap<>();
        for (DcbApplication application : given) {
            DcbApplication other = byName.putIfAbsent(application.name(), application);
            if (other != null && other != application || applications.containsKey(application.name())) {
                throw new ConfigurationException("Two applications are named '" + application.name() + "'" + WHY);
            }
        }
        return byName;
    }

    // A DCB projection follows a DCB application, any other projection an application of aggregates.
    private static void checkDcb(Plan.ProjectionEdge edge, Map<String, DcbApplication> dcb) {
        String name = edge.projection().name();
        if (dcb.containsKey(name)) {
            throw new ConfigurationException("The projection '" + name + "' has the name of a DCB application" + WHY);
        }
        String upstream = edge.upstream();
        boolean decisions = edge.projection() instanceof DecisionProjection;
        if (upstream == null) {
            return; // DCB applications are all given to the builder: checked in full at build already
        }
        if (decisions && !dcb.containsKey(upstream)) {
            throw new ConfigurationException("The DCB projection '" + name + "' follows '" + upstream + "', which is no"
                    + " DCB application of the runner; its DCB applications are " + dcb.keySet());
        }
        if (!decisions && dcb.containsKey(upstream)) {
            throw new ConfigurationException("The projection '" + name + "' follows '" + upstream + "', a DCB"
                    + " application, whose decisions only a DcbProjection receives");
        }
    }

    private static void check(Plan.ProjectionEdge edge, Map<String, Projection> projections,
                              Map<String, Application> applications, boolean complete) {
        Projection projection = edge.projection();
        Projection other = projections.putIfAbsent(projection.name(), projection);
        if (other != null && !same(other, projection)) {
            throw new ConfigurationException("Two projections are named '" + projection.name() + "'" + WHY);
        }
        if (applications.containsKey(projection.name())) {
            throw new ConfigurationException("The projection '" + projection.name() + "' has the name of an"
                    + " application" + WHY);
        }
        if (complete && edge.upstream() != null && !applications.containsKey(edge.upstream())
                && !(projection instanceof DecisionProjection)) {
            throw new ConfigurationException("The projection '" + projection.name() + "' follows '" + edge.upstream()
                    + "', which is no application of the runner; its applications are " + applications.keySet());
        }
    }

    // One DCB projection following two DCB applications is wrapped once for each.
    private static boolean same(Projection one, Projection other) {
        return one instanceof DecisionProjection a && other instanceof DecisionProjection b
                ? a.projection() == b.projection() : one == other;
    }

    private static void check(Plan.FollowEdge follow, Map<String, Projection> projections,
                              Map<String, Application> applications, boolean complete) {
        String edge = "'" + follow.reader() + "' following the log '" + follow.logName() + "'";
        if (applications.containsKey(follow.logName())) {
            throw new ConfigurationException(edge + ": '" + follow.logName() + "' is the name of an application of the"
                    + " runner; the name keys tracking positions, so give the other deployment's log another one");
        }
        Application application = applications.get(follow.reader());
        if (application != null && !(application instanceof ProcessApplication)) {
            throw new ConfigurationException(edge + ": '" + follow.reader() + "' is an application but not a"
                    + " ProcessApplication, so it cannot follow a log");
        }
        if (complete && application == null && !projections.containsKey(follow.reader())) {
            throw new ConfigurationException(edge + ": '" + follow.reader() + "' is neither a process application nor"
                    + " a projection of the runner; applications: " + applications.keySet() + ", projections: "
                    + projections.keySet());
        }
    }
}
