package dev.eventsourcing.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A database of its own for one contender, created for the run and dropped afterwards, with a
 * connection pool configured alike for every contender: HikariCP, {@value #POOL_SIZE}
 * connections, auto-commit off.
 *
 * <p>PostgreSQL and MariaDB are reached as the project's other tests reach them
 * (127.0.0.1, users {@code postgres} and {@code root}, no password); H2 runs embedded in file
 * mode under {@code target/}, so that its data does not sit on the measured heap.
 */
public final class BenchDatabase implements AutoCloseable {

    /** Eight writers, one follower and one spare. */
    public static final int POOL_SIZE = 10;

    private static final String POSTGRES_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String MARIADB_SERVER = "jdbc:mariadb://127.0.0.1:3306/";
    private static final Path H2_DIRECTORY = Path.of("target", "bench-h2");
    /** Databases not dropped yet; a shutdown hook drops them if the run is interrupted. */
    private static final Set<BenchDatabase> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(OPEN).forEach(database -> {
            try {
                database.close();
            } catch (RuntimeException e) {
                System.err.println("Could not drop " + database.name + ": " + e.getMessage());
            }
        }), "drop-bench-databases"));
    }

    private final Backend backend;
    private final String name;
    private HikariDataSource dataSource;

    private BenchDatabase(Backend backend, String name) {
        this.backend = backend;
        this.name = name;
        OPEN.add(this);
        try {
            this.dataSource = new HikariDataSource(config());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Creates a new, empty database on the backend's server. */
    public static BenchDatabase create(Backend backend, String purpose) {
        String name = "bench_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
        switch (backend) {
            case POSTGRESQL, MARIADB -> admin(backend, "CREATE DATABASE " + name);
            case H2 -> { }
            case MEMORY -> throw new IllegalArgumentException("The in-memory contender needs no database");
        }
        return new BenchDatabase(backend, name);
    }

    private HikariConfig config() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url());
        config.setUsername(user());
        config.setPassword("");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_SIZE);
        config.setAutoCommit(false);
        config.setPoolName(name);
        return config;
    }

    private String url() {
        return switch (backend) {
            case POSTGRESQL -> POSTGRES_SERVER + name;
            case MARIADB -> MARIADB_SERVER + name;
            case H2 -> "jdbc:h2:file:" + H2_DIRECTORY.toAbsolutePath().resolve(name) + ";LOCK_TIMEOUT=10000";
            case MEMORY -> throw new IllegalStateException();
        };
    }

    private String user() {
        return switch (backend) {
            case POSTGRESQL -> "postgres";
            case MARIADB -> "root";
            default -> "sa";
        };
    }

    private static void admin(Backend backend, String sql) {
        String url = backend == Backend.POSTGRESQL ? POSTGRES_SERVER + "test" : MARIADB_SERVER + "test";
        String user = backend == Backend.POSTGRESQL ? "postgres" : "root";
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(backend.label() + " refused '" + sql + "' (is it running on 127.0.0.1?): "
                    + e.getMessage(), e);
        }
    }

    public Backend backend() {
        return backend;
    }

    public String name() {
        return name;
    }

    /** The pooled data source; connections come with auto-commit off. */
    public HikariDataSource dataSource() {
        return dataSource;
    }

    /** Runs statements in one transaction of their own (set-up work). */
    public void execute(String... sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Set-up statement failed on " + backend.label() + ": " + e.getMessage(), e);
        }
    }

    /** Updates the planner statistics of every table of the database. */
    public void analyze() {
        switch (backend) {
            case POSTGRESQL, H2 -> execute("ANALYZE");
            case MARIADB -> {
                List<String> tables = Sql.inTransaction(dataSource, c -> {
                    List<String> names = new java.util.ArrayList<>();
                    try (Statement s = c.createStatement(); java.sql.ResultSet rows = s.executeQuery(
                            "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")) {
                        while (rows.next()) {
                            names.add(rows.getString(1));
                        }
                    }
                    return names;
                });
                if (!tables.isEmpty()) {
                    execute("ANALYZE TABLE " + String.join(", ", tables));
                }
            }
            case MEMORY -> { }
        }
    }

    /** Closes the pool and drops the database. */
    @Override
    public void close() {
        if (!OPEN.remove(this)) {
            return;
        }
        if (dataSource != null) {
            dataSource.close();
        }
        switch (backend) {
            case POSTGRESQL -> admin(backend, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            case MARIADB -> admin(backend, "DROP DATABASE IF EXISTS " + name);
            case H2 -> deleteH2Files();
            case MEMORY -> { }
        }
    }

    private void deleteH2Files() {
        if (!Files.isDirectory(H2_DIRECTORY)) {
            return;
        }
        try (Stream<Path> files = Files.list(H2_DIRECTORY)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(name))
                    .sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Deleting the H2 files of " + name, e);
        }
    }
}
