package dev.eventsourcing.system;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Environment;
import dev.eventsourcing.dcb.application.DcbApplication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The applications of a running runner: those given to it, used as they are, and those it made
 * for the system's classes that were not given, on its own infrastructure. Only the latter are
 * the runner's to close.
 */
final class Applications {

    private static final Logger LOG = Logger.getLogger(Applications.class.getName());

    private final Map<Class<?>, Application> byClass = new LinkedHashMap<>();
    private final List<Application> made;
    private final Map<String, Application> byName;
    private final Map<String, DcbApplication> dcbByName;

    private Applications(Plan plan, List<Application> made) {
        this.made = made;
        ApplicationSystem system = plan.system();
        if (system != null) {
            for (Class<? extends Application> type : system.applications()) {
                byClass.put(type, givenOrMade(type, plan));
            }
        }
        List<Application> all = new ArrayList<>(byClass.values());
        for (Application application : plan.given()) {
            byClass.putIfAbsent(application.getClass(), application);
            if (all.stream().noneMatch(known -> known == application)) {
                all.add(application);
            }
        }
        this.byName = ReaderNames.byName(all);
        this.dcbByName = ReaderNames.dcbByName(plan.dcbGiven(), byName);
    }

    /**
     * Makes the system's applications that were not given.
     *
     * @throws RuntimeException when one cannot be made; those made already are closed then
     */
    static Applications make(Plan plan) {
        List<Application> made = new ArrayList<>();
        try {
            return new Applications(plan, made);
        } catch (RuntimeException | Error e) {
            made.forEach(Applications::close);
            throw e;
        }
    }

    private Application givenOrMade(Class<? extends Application> type, Plan plan) {
        Application exact = null;
        Application assignable = null;
        for (Application application : plan.given()) {
            if (application.getClass() == type) {
                exact = application;
            } else if (assignable == null && type.isInstance(application)) {
                assignable = application;
            }
        }
        Application given = exact != null ? exact : assignable;
        if (given != null) {
            return given;
        }
        Application application = Constructors.construct(type, Environment.of(plan.settings(), plan.infrastructure(), plan.metrics()));
        made.add(application);
        return application;
    }

    /** Every application, given or made, by name. */
    Map<String, Application> byName() {
        return byName;
    }

    /** Every DCB application given, by name. */
    Map<String, DcbApplication> dcbByName() {
        return dcbByName;
    }

    /** The application of a class of the system, or the first one given of that class. */
    <A extends Application> A get(Class<A> type) {
        Application application = byClass.get(type);
        if (application == null) {
            throw new IllegalArgumentException(type.getName() + " is not an application of the runner; it runs "
                    + byClass.keySet().stream().map(Class::getName).toList());
        }
        return type.cast(application);
    }

    /** Every application, in the order of the system, then the others given. */
    List<Application> all() {
        return List.copyOf(byName.values());
    }

    /** Closes the applications the runner made; the given ones belong to whoever gave them. */
    void closeMade() {
        made.forEach(Applications::close);
    }

    private static void close(Application application) {
        try {
            application.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Closing application '" + application.name() + "' failed");
        }
    }
}
