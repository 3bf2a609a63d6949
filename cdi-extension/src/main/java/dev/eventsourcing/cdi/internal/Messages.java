package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.ConfigurationException;

import java.lang.reflect.Method;

/**
 * The deployment problems the extension reports, each starting with a stable id so that tests,
 * logs and documentation can name it. Ids are never reused for another meaning.
 */
public final class Messages {

    private Messages() {
    }

    static String aggregateNotConstructible(Class<?> aggregate) {
        return "ESCDI001: Aggregate " + aggregate.getName() + " has no constructor without parameters, so it cannot be"
                + " rebuilt from its events; add one (of any visibility)";
    }

    static String eventNotSerialisable(Class<?> event, String reason) {
        return "ESCDI002: Event type " + event.getName() + " cannot be stored: " + reason;
    }

    static String duplicateProjection(String name, Class<?> first, Class<?> second) {
        return "ESCDI003: Two projections are named '" + name + "': " + first.getName() + " and " + second.getName()
                + "; a projection's name keys its tracking position and must be unique";
    }

    static String observesNoEvent(Method method, String observed) {
        return "ESCDI004: Projection method " + describe(method) + " observes " + observed + ", which is no event type;"
                + " a projection observes records implementing AggregateEvent (or interfaces extending it)";
    }

    static String shreddedEventWithDomainEvent(Method method) {
        return "ESCDI017: Projection method " + describe(method) + " observes a ShreddedEvent and takes a DomainEvent,"
                + " which a shredded event no longer has; take the Notification instead";
    }

    static String unsupportedParameter(Method method, String parameter) {
        return "ESCDI005: Projection method " + describe(method) + " has a parameter of type " + parameter
                + "; besides the observed event it may take Notification, DomainEvent or EntityManager";
    }

    static String unsupportedDecisionParameter(Method method, String parameter) {
        return "ESCDI005: Projection method " + describe(method) + " has a parameter of type " + parameter
                + "; besides the observed decision it may take SequencedDecision or EntityManager";
    }

    static String unsupportedObserverKind(Method method, String kind) {
        return "ESCDI006: Projection method " + describe(method) + " is " + kind + "; projections are called"
                + " synchronously after commit by the runner: use a plain @Observes with the default phase";
    }

    static String unsupportedScope(Class<?> projection, String scope) {
        return "ESCDI007: Projection " + projection.getName() + " has scope " + scope
                + "; a projection must be @ApplicationScoped (the default of @Projection) or @Singleton";
    }

    static String blankProjectionName(Class<?> projection) {
        return "ESCDI008: Projection " + projection.getName() + " has a blank name; name it, e.g. @Projection(\"balances\")";
    }

    static String repositoryWithoutAggregate(String injectionPoint, String type) {
        return "ESCDI009: Injection point " + injectionPoint + " has type " + type
                + "; inject a repository of a concrete aggregate class, e.g. Repository<Account>";
    }

    static String applicationNotConstructible(Class<?> application, String reason) {
        return "ESCDI010: Application " + application.getName() + " cannot be made by the extension: " + reason;
    }

    static String ambiguousApplication(String injectionPoint, String applications) {
        return "ESCDI011: Injection point " + injectionPoint + " of type Application is ambiguous: the deployment has"
                + " several applications (" + applications + "); inject the application class instead";
    }

    static String repositoryOwner(String injectionPoint, Class<?> aggregate, int owners, String applications) {
        return "ESCDI015: Injection point " + injectionPoint + " of type Repository<" + aggregate.getSimpleName() + ">"
                + (owners == 0 ? " has no application: none of " : " is ambiguous: several of ") + applications
                + " declares a method returning Repository<" + aggregate.getSimpleName() + ">; declare it in exactly one"
                + " application, e.g. public Repository<" + aggregate.getSimpleName() + "> " + "repository()";
    }

    static String noManagedExecutor(String jndiName) {
        return "ESCDI016: No managed executor: " + jndiName + " is not in JNDI, and projections and process applications"
                + " run on the container's managed executor; deploy to a Jakarta EE server that has one, or set"
                + " eventsourcing." + Options.EXECUTOR + "=own to run them on threads of the extension's own";
    }

    static String unusableTopic(Class<?> type, String reason) {
        return "ESCDI018: Class " + type.getName() + " of the domain model has no usable topic: " + reason;
    }

    static String duplicateTopic(String topic, Class<?> first, Class<?> second) {
        return "ESCDI019: Two classes of the domain model have the topic '" + topic + "': " + first.getName() + " and "
                + second.getName() + "; stored events would read as either of them, so give one of them a @Topic"
                + " of its own";
    }

    /**
     * The deployment problem of a JMS relay configured on a server without Jakarta Messaging.
     *
     * @param key the key that configures the relay
     * @return the message, with its id
     */
    public static String relayWithoutMessaging(String key) {
        return "ESCDI020: '" + ConfigSettings.PREFIX + key + "' configures a JMS relay, and the server gives the"
                + " deployment no Jakarta Messaging (jakarta.jms); deploy to a server with messaging (WildFly's"
                + " standalone-full configuration, say), or remove the relay's settings";
    }

    static String dcbApplicationNotConstructible(Class<?> application, String reason) {
        return "ESCDI021: DCB application " + application.getName() + " cannot be made by the extension: " + reason;
    }

    static String dcbInjectionPoint(String injectionPoint, String type, String applications) {
        return "ESCDI022: Injection point " + injectionPoint + " of type " + type + (applications.equals("[]")
                ? " has no DCB application: the deployment defines no subclass of DcbApplication; define one, with a"
                + " constructor taking Settings"
                : " is ambiguous: the deployment has several DCB applications (" + applications + "); inject the"
                + " application class instead, or qualify the repository, e.g. @RepositoryOf(Courses.class)");
    }

    static String decisionsWithoutApplication(Class<?> projection) {
        return "ESCDI023: Projection " + projection.getName() + " observes decisions, but the deployment has no DCB"
                + " application whose decisions it could follow; define a subclass of DcbApplication, or inject one";
    }

    static String decisionNotSerialisable(Class<?> decision, String reason) {
        return "ESCDI024: Decision type " + decision.getName() + " cannot be stored: " + reason;
    }

    static String eventsAndDecisions(Class<?> projection) {
        return "ESCDI025: Projection " + projection.getName() + " observes both events of aggregates and decisions of"
                + " DCB applications; its name keys one tracking position per log, so make it two projections, one of"
                + " each kind";
    }

    /** The deployment problem of a configuration error. */
    public static String badConfiguration(String message) {
        // Settings name their keys without the MicroProfile Config prefix; users write it.
        return "ESCDI012: Invalid event sourcing configuration: "
                + message.replaceAll("(?i)(setting ')(?!" + ConfigSettings.PREFIX.replace(".", "\\\\.") + ")", "$1" + ConfigSettings.PREFIX);
    }

    static String projectionWithoutObservers(Class<?> projection) {
        return "ESCDI013: Projection " + projection.getName() + " has no @Observes method for an event type";
    }

    /** The deployment problem of a start that failed: a message with an id of its own, or ESCDI012, or ESCDI014. */
    public static String startFailed(RuntimeException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("ESCDI")) {
            return e.getMessage();
        }
        return e instanceof ConfigurationException ? badConfiguration(e.getMessage())
                : "ESCDI014: Event sourcing could not start: " + e.getClass().getName() + ": " + e.getMessage();
    }

    private static String describe(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName() + "()";
    }
}
