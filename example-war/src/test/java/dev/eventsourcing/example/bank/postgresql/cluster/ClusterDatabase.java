package dev.eventsourcing.example.bank.postgresql.cluster;

import org.junit.jupiter.api.Assumptions;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The cluster's own PostgreSQL database, on the server the build's tests use (system property
 * {@code bank.db.url}) but apart from their database, so that the build's Arquillian server,
 * which runs the same applications, never takes part in the cluster's work. It is dropped and
 * created afresh for each run and left in place afterwards, for a look at what the run stored.
 *
 * <p>When PostgreSQL cannot be reached the test is skipped with a message, and fails instead
 * under {@code CI=true}.
 */
final class ClusterDatabase {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final String serverUrl;
    private final String name;
    private final String user;
    private final String password;

    private ClusterDatabase(String serverUrl, String name, String user, String password) {
        this.serverUrl = serverUrl;
        this.name = name;
        this.user = user;
        this.password = password;
    }

    /**
     * Drops and creates the database {@code name} on the server of the build's test database.
     *
     * @throws IllegalArgumentException when {@code bank.db.url} is not set or is no PostgreSQL URL,
     *                                  or the name is no plain lower-case SQL identifier
     */
    static ClusterDatabase fresh(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is no plain lower-case database name");
        }
        String testUrl = System.getProperty("bank.db.url");
        if (testUrl == null || !testUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("System property bank.db.url must name the build's PostgreSQL"
                    + " database (jdbc:postgresql://host:port/name), was " + testUrl + "; run with -Ppostgresql");
        }
        URI server = URI.create(testUrl.substring("jdbc:".length()));
        ClusterDatabase database = new ClusterDatabase("jdbc:postgresql://" + server.getRawAuthority() + "/", name,
                System.getProperty("bank.db.user", "postgres"), System.getProperty("bank.db.password", ""));
        database.recreate();
        return database;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** The JDBC URL of the database. */
    String url() {
        return serverUrl + name;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    /** The id of the last notification in the application's log, 0 when it has none. */
    long lastNotificationId(String application) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT COALESCE(MAX(notification_id), 0) FROM es_events WHERE application_name = ?")) {
            select.setString(1, application);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The ids of all aggregates that the application has recorded (the originators of its events). */
    Set<String> originatorsOf(String application) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection connection = connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT originator_id FROM es_events WHERE application_name = ? AND originator_version = 1")) {
            select.setString(1, application);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private void recreate() {
        try (Connection admin = DriverManager.getConnection(serverUrl + "postgres", user, password);
             Statement statement = admin.createStatement()) {
            // FORCE ends sessions that a node of an earlier, killed run may still hold.
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String message = "The cluster's database " + name + " could not be created on " + serverUrl + " ("
                    + e.getMessage() + "); the cluster test is skipped (under CI=true it fails)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message, e);
            }
            Assumptions.abort(message);
        }
    }
}
