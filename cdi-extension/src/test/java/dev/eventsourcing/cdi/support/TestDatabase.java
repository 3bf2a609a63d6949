package dev.eventsourcing.cdi.support;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A fresh database for a test class: in-memory H2, or a new PostgreSQL database dropped again
 * afterwards. Under {@code CI=true} an unreachable PostgreSQL fails the tests; otherwise they are
 * skipped with a one-line message. (jpa-store keeps an equivalent helper in its tests, but ships
 * no test-jar to share it.)
 */
public final class TestDatabase {

    private static final String POSTGRES_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final String url;
    private final String user;
    private final String dropName;

    private TestDatabase(String url, String user, String dropName) {
        this.url = url;
        this.user = user;
        this.dropName = dropName;
    }

    public static TestDatabase h2() {
        return new TestDatabase("jdbc:h2:mem:es_cdi_" + shortId() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", null);
    }

    public static TestDatabase postgresql() {
        String name = "es_cdi_" + shortId();
        try (Connection admin = DriverManager.getConnection(POSTGRES_SERVER + "test", "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + POSTGRES_SERVER + " (" + e.getMessage()
                    + "); these tests are skipped (under CI=true they fail)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message, e);
            }
            Assumptions.abort(message);
        }
        return new TestDatabase(POSTGRES_SERVER + name, "postgres", name);
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    /** Runs one SQL statement. */
    public void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The single number a query returns. */
    public long count(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Drops the database (PostgreSQL) or closes it (H2). */
    public void drop() throws SQLException {
        if (dropName == null) {
            execute("SHUTDOWN");
            return;
        }
        try (Connection admin = DriverManager.getConnection(POSTGRES_SERVER + "test", "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + dropName + " WITH (FORCE)");
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
