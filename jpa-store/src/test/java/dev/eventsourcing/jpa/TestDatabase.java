package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh database for one test class: created before the class (with a random name, so suites
 * run in parallel and repeatedly), its tables made with {@link JpaSchema#createTables}, and
 * dropped afterwards. Register it with {@code @RegisterExtension static final TestDatabase}.
 *
 * <p>The one place that decides what a missing PostgreSQL or MariaDB means: under
 * {@code CI=true} the tests fail; otherwise the class is skipped (reported as skipped, with a
 * one-line message saying how to run it). H2 runs in memory and is always there.
 */
public final class TestDatabase implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

    private static final Map<Kind, Optional<String>> UNREACHABLE = new ConcurrentHashMap<>();

    /** The databases the tests run on, with how to reach their server. */
    public enum Kind {
        H2(null, null, null, DatabaseStrategy.h2()),
        POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/", "test", "postgres", DatabaseStrategy.postgresql()),
        MARIADB("jdbc:mariadb://127.0.0.1:3306/", "test", "root", DatabaseStrategy.mariadb());

        private final String serverUrl;
        private final String adminDatabase;
        private final String user;
        private final DatabaseStrategy defaultStrategy;

        Kind(String serverUrl, String adminDatabase, String user, DatabaseStrategy defaultStrategy) {
            // -Djpa.test.postgresql.url=jdbc:postgresql://host:port/ points the tests elsewhere.
            this.serverUrl = serverUrl == null ? null
                    : System.getProperty("jpa.test." + name().toLowerCase(java.util.Locale.ROOT) + ".url", serverUrl);
            this.adminDatabase = adminDatabase;
            this.user = user;
            this.defaultStrategy = defaultStrategy;
        }
    }

    /** The persistence unit of the default provider (Hibernate, as on WildFly). */
    public static final String HIBERNATE = "eventsourcing-test";
    /** The persistence unit of EclipseLink (as on Payara). */
    public static final String ECLIPSELINK = "eventsourcing-eclipselink";

    private final Kind kind;
    private final DatabaseStrategy strategy;
    private final String unit;
    private String databaseName;
    private boolean created;
    private final java.util.List<String> extraDatabases = new java.util.concurrent.CopyOnWriteArrayList<>();
    private EntityManagerFactory factory;
    private JpaTransactions transactions;

    private TestDatabase(Kind kind, DatabaseStrategy strategy, String unit) {
        this.kind = kind;
        this.strategy = strategy;
        this.unit = unit;
    }

    public static TestDatabase h2() {
        return new TestDatabase(Kind.H2, Kind.H2.defaultStrategy, HIBERNATE);
    }

    public static TestDatabase postgresql() {
        return new TestDatabase(Kind.POSTGRESQL, Kind.POSTGRESQL.defaultStrategy, HIBERNATE);
    }

    public static TestDatabase mariadb() {
        return new TestDatabase(Kind.MARIADB, Kind.MARIADB.defaultStrategy, HIBERNATE);
    }

    /** The same database with another strategy (for example PostgreSQL serialised). */
    public TestDatabase with(DatabaseStrategy other) {
        return new TestDatabase(kind, other, unit);
    }

    /** The same database through another persistence unit (for example {@link #ECLIPSELINK}). */
    public TestDatabase on(String otherUnit) {
        return new TestDatabase(kind, strategy, otherUnit);
    }

    /**
     * Skips the class, with the reason as the skip message, when its server is unreachable and
     * CI is not set; under CI=true the class runs and fails in {@link #beforeAll}.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (kind == Kind.H2 || isCi()) {
            return ConditionEvaluationResult.enabled("runs everywhere, or CI=true");
        }
        Optional<String> unreachable = UNREACHABLE.computeIfAbsent(kind, TestDatabase::probe);
        unreachable.ifPresent(reason -> System.out.println("SKIPPED " + context.getDisplayName() + ": " + reason));
        return unreachable.map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled(kind + " is reachable"));
    }

    private static Optional<String> probe(Kind kind) {
        try (Connection ignored = DriverManager.getConnection(kind.serverUrl + kind.adminDatabase, kind.user, "")) {
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(unreachableMessage(kind, e));
        }
    }

    private static String unreachableMessage(Kind kind, SQLException e) {
        return kind + " is not reachable at " + kind.serverUrl + " (" + e.getMessage() + "). "
                + "Start it (see jpa-store/README.md) to run these tests; under CI=true this is a failure.";
    }

    private static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        databaseName = "es_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (kind != Kind.H2) {
            try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + databaseName);
            }
            created = true;
        }
        factory = newFactory();
        transactions = JpaTransactions.resourceLocal(factory);
        JpaSchema.createTables(transactions, strategy);
    }

    private EntityManagerFactory newFactory() {
        return Persistence.createEntityManagerFactory(unit, Map.of(
                "jakarta.persistence.jdbc.url", url(),
                "jakarta.persistence.jdbc.user", kind == Kind.H2 ? "sa" : kind.user,
                "jakarta.persistence.jdbc.password", ""));
    }

    /**
     * Another entity manager factory on this database, with a connection pool of its own, as a
     * second process would have. The caller closes it, with {@link #close(EntityManagerFactory)}.
     */
    public EntityManagerFactory openFactory() {
        return newFactory();
    }

    /**
     * Closes a factory as the store closes the units it shares (see {@code SharedEntityManagerFactories}):
     * the unit's commit announcements stop first, so that its pool does not find the connection of
     * an announcement still out (and report a leak) when the factory closes right after a commit.
     */
    static void close(EntityManagerFactory factory) {
        PostgresPush.closing(factory);
        factory.close();
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (factory != null) {
            close(factory);
        }
        if (created) {
            try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + databaseName
                        + (kind == Kind.POSTGRESQL ? " WITH (FORCE)" : ""));
                for (String extra : extraDatabases) {
                    statement.execute("DROP DATABASE IF EXISTS " + extra);
                }
            }
        }
    }

    private String url() {
        return switch (kind) {
            case H2 -> "jdbc:h2:mem:" + databaseName + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
            case POSTGRESQL, MARIADB -> kind.serverUrl + databaseName;
        };
    }

    /** Connects to the server's admin database, or fails/skips the tests when it is unreachable. */
    private Connection adminConnection() {
        try {
            return DriverManager.getConnection(kind.serverUrl + kind.adminDatabase, kind.user, "");
        } catch (SQLException e) {
            String message = unreachableMessage(kind, e);
            if (isCi()) {
                fail(message, e);
            }
            Assumptions.abort(message);
            throw new AssertionError("unreachable");
        }
    }

    /**
     * Settings of the {@code jpa} persistence module for a new, empty store: a new schema
     * (PostgreSQL), database (MariaDB) or in-memory database (H2), with its tables made at
     * start-up. For suites whose applications have fixed names, such as the application suite.
     */
    public dev.eventsourcing.Settings freshStoreSettings() {
        String store = "store_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String storeUrl;
        try {
            storeUrl = switch (kind) {
                case H2 -> "jdbc:h2:mem:" + store + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
                case POSTGRESQL -> {
                    try (Connection connection = connection(); Statement statement = connection.createStatement()) {
                        statement.execute("CREATE SCHEMA " + store);
                    }
                    yield url() + "?currentSchema=" + store;
                }
                case MARIADB -> {
                    String name = databaseName + "_" + store.substring(6, 12);
                    try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
                        statement.execute("CREATE DATABASE " + name);
                    }
                    extraDatabases.add(name);
                    yield kind.serverUrl + name;
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException("Could not make a fresh store on " + kind, e);
        }
        return dev.eventsourcing.Settings.of(Map.of(
                dev.eventsourcing.Settings.PERSISTENCE_MODULE, "jpa",
                JpaInfrastructureFactory.PERSISTENCE_UNIT, unit,
                JpaInfrastructureFactory.URL, storeUrl,
                JpaInfrastructureFactory.USER, kind == Kind.H2 ? "sa" : kind.user,
                JpaInfrastructureFactory.PASSWORD, "",
                JpaInfrastructureFactory.DATABASE, strategy.toString(),
                JpaInfrastructureFactory.CREATE_TABLES, "true"));
    }

    /**
     * Drops every table, function and sequence of the event store, so that the next
     * {@link JpaSchema#createTables} meets an empty database again.
     */
    public void dropStore() throws SQLException {
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            switch (kind) {
                case H2 -> statement.execute("DROP ALL OBJECTS");
                case POSTGRESQL -> statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
                case MARIADB -> statement.execute(
                        "DROP TABLE IF EXISTS es_events, es_aggregate_events, es_tracking, es_applications, es_parked,"
                                + " es_subject_keys, es_lease_groups, es_lease_members, es_leases, es_dcb_events, es_dcb_tags");
            }
        }
    }

    /** SQL that makes the current transaction (or session) give up waiting for a lock quickly. */
    public String shortLockTimeoutSql() {
        return switch (kind) {
            case H2 -> "SET LOCK_TIMEOUT 300";
            case POSTGRESQL -> "SET LOCAL lock_timeout = '300ms'";
            case MARIADB -> "SET SESSION innodb_lock_wait_timeout = 1";
        };
    }

    public Kind kind() {
        return kind;
    }

    public DatabaseStrategy strategy() {
        return strategy;
    }

    public EntityManagerFactory factory() {
        return factory;
    }

    public JpaTransactions transactions() {
        return transactions;
    }

    /** A JDBC connection to this test database, for checks below the JPA layer. */
    public Connection connection() throws SQLException {
        return DriverManager.getConnection(url(), kind == Kind.H2 ? "sa" : kind.user, "");
    }

    /** A new application name, so that each recorder starts with an empty log. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public JpaApplicationRecorder applicationRecorder() {
        return new JpaApplicationRecorder(uniqueName("app"), transactions, strategy);
    }

    public JpaProcessRecorder processRecorder() {
        return new JpaProcessRecorder(uniqueName("process"), transactions, strategy);
    }

    public JpaTrackingRecorder trackingRecorder() {
        return new JpaTrackingRecorder(uniqueName("projection"), transactions, strategy);
    }

    /** A process recorder that records a row per position (multi-row tracking). */
    public JpaProcessRecorder multiRowProcessRecorder() {
        return new JpaProcessRecorder(uniqueName("process"), transactions, strategy, false);
    }

    /** A tracking recorder of the reader that records a row per position (multi-row tracking), or one row in all. */
    public JpaTrackingRecorder trackingRecorder(String readerName, boolean singleRow) {
        return new JpaTrackingRecorder(readerName, transactions, strategy, singleRow);
    }

    /** The tracking recorder of the given reader, through the given transactions. */
    public JpaTrackingRecorder trackingRecorder(String readerName, JpaTransactions through) {
        return new JpaTrackingRecorder(readerName, through, strategy);
    }

    public JpaAggregateRecorder aggregateRecorder() {
        return new JpaAggregateRecorder(uniqueName("snapshots"), transactions, strategy);
    }

    @Override
    public String toString() {
        return kind + " (" + strategy + ", " + unit + ")";
    }
}
