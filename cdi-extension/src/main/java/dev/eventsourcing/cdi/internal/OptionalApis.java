package dev.eventsourcing.cdi.internal;

/**
 * Which optional APIs the server provides to the deployment: MicroProfile Health,
 * OpenTelemetry and Jakarta Messaging. The classes that link against one are loaded only when it
 * is present, so a deployment on a server without it works, with no checks or metrics and no
 * error (a JMS relay, which the deployment asks for, then fails it with ESCDI020).
 *
 * @param loader the class loader the extension's classes link against
 */
public record OptionalApis(ClassLoader loader) {

    static final String HEALTH_CHECK = "org.eclipse.microprofile.health.HealthCheck";
    static final String OPEN_TELEMETRY = "io.opentelemetry.api.OpenTelemetry";
    static final String MESSAGING = "jakarta.jms.ConnectionFactory";

    /** The APIs visible to the extension's own classes. */
    public static OptionalApis ofExtension() {
        return new OptionalApis(OptionalApis.class.getClassLoader());
    }

    /** Whether the MicroProfile Health API is present. */
    public boolean health() {
        return present(HEALTH_CHECK);
    }

    /** Whether the OpenTelemetry API is present. */
    public boolean telemetry() {
        return present(OPEN_TELEMETRY);
    }

    /** Whether the Jakarta Messaging API is present. */
    public boolean messaging() {
        return present(MESSAGING);
    }

    private boolean present(String className) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
