package dev.eventsourcing.jpa;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL driver's notifications ({@code org.postgresql.PGConnection#getNotifications}),
 * reached by reflection: the store does not depend on the driver, and in a container the
 * driver's classes need not be visible to the store's class loader, only to the connection's.
 */
final class PgDriver {

    private static final String PG_CONNECTION = "org.postgresql.PGConnection";
    private static final String PG_NOTIFICATION = "org.postgresql.PGNotification";

    private final Object connection;
    private final Method getNotifications;
    private final Method getParameter;

    private PgDriver(Object connection, Method getNotifications, Method getParameter) {
        this.connection = connection;
        this.getNotifications = getNotifications;
        this.getParameter = getParameter;
    }

    /**
     * The driver's side of a connection, unwrapped from a pool's wrapper.
     *
     * @throws SQLException when the connection is not one of the PostgreSQL driver
     */
    static PgDriver of(Connection connection) throws SQLException {
        for (ClassLoader loader : loaders(connection)) {
            try {
                Class<?> type = Class.forName(PG_CONNECTION, false, loader);
                if (connection.isWrapperFor(type)) {
                    Class<?> notification = Class.forName(PG_NOTIFICATION, false, type.getClassLoader());
                    return new PgDriver(connection.unwrap(type), type.getMethod("getNotifications", int.class),
                            notification.getMethod("getParameter"));
                }
            } catch (ClassNotFoundException | NoSuchMethodException e) {
                // not visible from this loader: try the next
            }
        }
        throw new SQLException("The connection " + connection.getClass().getName() + " is not one of the PostgreSQL"
                + " driver (" + PG_CONNECTION + " not found or not wrapped)");
    }

    private static List<ClassLoader> loaders(Connection connection) {
        List<ClassLoader> loaders = new ArrayList<>();
        loaders.add(connection.getClass().getClassLoader());
        loaders.add(Thread.currentThread().getContextClassLoader());
        loaders.add(PgDriver.class.getClassLoader());
        loaders.removeIf(loader -> loader == null);
        return loaders;
    }

    /**
     * Waits up to {@code timeoutMillis} for notifications and returns their payloads, or none.
     *
     * @throws SQLException when the connection fails (it was closed, or its backend terminated)
     */
    List<String> await(int timeoutMillis) throws SQLException {
        Object received;
        try {
            received = getNotifications.invoke(connection, timeoutMillis);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException failure) {
                throw failure;
            }
            throw new SQLException("Reading notifications failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new SQLException("Cannot call the driver's getNotifications: " + e.getMessage(), e);
        }
        if (received == null) {
            return List.of();
        }
        List<String> payloads = new ArrayList<>(Array.getLength(received));
        for (int i = 0; i < Array.getLength(received); i++) {
            payloads.add(payload(Array.get(received, i)));
        }
        return payloads;
    }

    private String payload(Object notification) throws SQLException {
        try {
            return (String) getParameter.invoke(notification);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new SQLException("Cannot read a notification's payload: " + e, e);
        }
    }
}
