package dev.eventsourcing.jpa;

import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Connections of a Hibernate unit taken from its own connection provider, reached by reflection
 * since the store does not depend on Hibernate, and given back to it with its
 * {@code closeConnection} (closing one of its built-in pool would leave the pool counting it as
 * in use).
 */
final class HibernateConnections {

    private HibernateConnections() {
    }

    /** The unit's connection provider, or empty when the unit is not Hibernate's or has none. */
    static Optional<DedicatedConnections> of(EntityManagerFactory factory) {
        try {
            ClassLoader loader = factory.getClass().getClassLoader();
            Class<?> sessionFactory = Class.forName("org.hibernate.engine.spi.SessionFactoryImplementor", false, loader);
            Class<?> registryType = Class.forName("org.hibernate.service.ServiceRegistry", false, loader);
            Class<?> providerType = Class.forName("org.hibernate.engine.jdbc.connections.spi.ConnectionProvider", false, loader);
            Object unwrapped = factory.unwrap(sessionFactory);
            Object registry = sessionFactory.getMethod("getServiceRegistry").invoke(unwrapped);
            Object provider = registryType.getMethod("getService", Class.class).invoke(registry, providerType);
            if (provider == null) {
                return Optional.empty();
            }
            Method getConnection = providerType.getMethod("getConnection");
            Method closeConnection = providerType.getMethod("closeConnection", Connection.class);
            return Optional.of(new DedicatedConnections() {
                @Override
                public Connection open() throws SQLException {
                    return DedicatedConnections.autoCommit(invoke(getConnection, provider));
                }

                @Override
                public void release(Connection connection) throws SQLException {
                    invoke(closeConnection, provider, connection);
                }
            });
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static Connection invoke(Method method, Object provider, Object... arguments) throws SQLException {
        try {
            return (Connection) method.invoke(provider, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException failure) {
                throw failure;
            }
            throw new SQLException("Hibernate's connection provider failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new SQLException("Cannot call Hibernate's connection provider: " + e.getMessage(), e);
        }
    }
}
