package dev.eventsourcing.jpa;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Opens JDBC connections of a persistence unit's database outside any JPA or JTA transaction,
 * for a connection held for long (a listener's): from the unit's data source (a non-JTA one
 * first, then the JTA one, given as an object or a JNDI name), else from Hibernate's connection
 * provider of the unit (Hibernate masks the credentials among the unit's properties), else from
 * the JDBC URL and credentials among its properties (EclipseLink).
 */
@FunctionalInterface
interface DedicatedConnections {

    List<String> DATA_SOURCES = List.of("jakarta.persistence.nonJtaDataSource", "javax.persistence.nonJtaDataSource",
            "jakarta.persistence.jtaDataSource", "javax.persistence.jtaDataSource", "hibernate.connection.datasource");
    List<String> URLS = List.of("jakarta.persistence.jdbc.url", "javax.persistence.jdbc.url", "hibernate.connection.url");
    List<String> USERS = List.of("jakarta.persistence.jdbc.user", "javax.persistence.jdbc.user", "hibernate.connection.username");
    List<String> PASSWORDS = List.of("jakarta.persistence.jdbc.password", "javax.persistence.jdbc.password",
            "hibernate.connection.password");

    /**
     * A new connection in auto-commit mode, the caller's to close.
     *
     * @throws SQLException when none can be opened now
     */
    Connection open() throws SQLException;

    /**
     * Gives back a connection that {@link #open()} opened: closes it, or hands it back to the
     * pool it came from where closing is not the way to do that.
     *
     * @throws SQLException when closing fails
     */
    default void release(Connection connection) throws SQLException {
        connection.close();
    }

    /** How to open connections of the unit's database, or empty when its properties tell none. */
    static Optional<DedicatedConnections> of(EntityManagerFactory factory) {
        Map<String, Object> properties = factory.getProperties();
        for (String key : DATA_SOURCES) {
            Object value = properties.get(key);
            if (value instanceof DataSource dataSource) {
                return Optional.of(() -> autoCommit(dataSource.getConnection()));
            }
            if (value instanceof String name && !name.isBlank()) {
                // Looked up now, in the caller's (managed) thread: the listener's own thread may
                // see no naming context in a container.
                DataSource found = lookup(name.trim());
                if (found != null) {
                    return Optional.of(() -> autoCommit(found.getConnection()));
                }
            }
        }
        Optional<DedicatedConnections> hibernate = HibernateConnections.of(factory);
        if (hibernate.isPresent()) {
            return hibernate;
        }
        return first(properties, URLS).map(url -> () -> autoCommit(
                DriverManager.getConnection(url, first(properties, USERS).orElse(null), first(properties, PASSWORDS).orElse(null))));
    }

    private static Optional<String> first(Map<String, Object> properties, List<String> keys) {
        return keys.stream().map(properties::get).filter(value -> value instanceof String text && !text.isBlank())
                .map(String.class::cast).findFirst();
    }

    /** The data source of that JNDI name, or null (and the next way is tried) when there is none. */
    private static DataSource lookup(String name) {
        try {
            return new InitialContext().lookup(name) instanceof DataSource found ? found : null;
        } catch (NamingException | RuntimeException e) {
            return null;
        }
    }

    static Connection autoCommit(Connection connection) throws SQLException {
        try {
            connection.setAutoCommit(true);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
