package dev.eventsourcing.jpa;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.ParkingRecorder;
import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.TrackingRecorder;
import dev.eventsourcing.persistence.Transactions;
import jakarta.persistence.EntityManagerFactory;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JPA persistence module ({@code persistence.module=jpa}): makes JPA recorders for one
 * application.
 *
 * <p>Chosen by settings (Java SE), it bootstraps the persistence unit named by
 * {@value #PERSISTENCE_UNIT} (default {@value #DEFAULT_PERSISTENCE_UNIT}) with RESOURCE_LOCAL
 * transactions; applications with the same unit and connection settings share one entity
 * manager factory, closed with the last of them. Settings:
 * <table>
 * <caption>JPA settings</caption>
 * <tr><th>key</th><th>meaning</th><th>default</th></tr>
 * <tr><td>{@value #PERSISTENCE_UNIT}</td><td>the persistence unit, which must include
 *     {@code META-INF/eventsourcing/orm.xml}</td><td>{@value #DEFAULT_PERSISTENCE_UNIT}</td></tr>
 * <tr><td>{@value #URL}, {@value #USER}, {@value #PASSWORD}</td><td>override the unit's JDBC
 *     connection</td><td>the unit's own</td></tr>
 * <tr><td>{@value #DATABASE}</td><td>{@code postgresql}, {@code postgresql-serialised},
 *     {@code mariadb} or {@code h2} (see {@link DatabaseStrategy})</td><td>recognised from
 *     the JDBC URL or the server</td></tr>
 * <tr><td>{@value #TRANSACTIONS}</td><td>{@code jta} or {@code resource-local} (containers
 *     only)</td><td>{@code jta} when the container provides the unit's entity manager</td></tr>
 * <tr><td>{@value #CREATE_TABLES}</td><td>run the DDL script at start-up (several nodes may start at once)</td>
 *     <td>{@value #DEFAULT_CREATE_TABLES}</td></tr>
 * </table>
 * Its {@link #transactions()} are then {@link ThreadBoundTransactions}: the recorders of every
 * application on the unit join a runner's transaction in the same thread. In a container,
 * construct it with recorders' transactions that join the caller's JTA transaction (such as
 * {@link JpaTransactions#joining}) and the container's own {@link Transactions} instead.
 */
public class JpaInfrastructureFactory extends InfrastructureFactory {

    public static final String PERSISTENCE_UNIT = "jpa.persistence-unit";
    public static final String DEFAULT_PERSISTENCE_UNIT = "eventsourcing";
    public static final String URL = "jpa.url";
    public static final String USER = "jpa.user";
    public static final String PASSWORD = "jpa.password";
    public static final String DATABASE = "jpa.database";
    public static final String CREATE_TABLES = "jpa.create-tables";
    /**
     * {@code jta} (the container's transactions, through its entity manager) or
     * {@code resource-local} (a unit opened from these settings); read by containers, which
     * choose JTA when they provide the unit's entity manager.
     */
    public static final String TRANSACTIONS = "jpa.transactions";
    /**
     * Tables are created unless told otherwise, in Java SE and in a container alike: the script
     * is idempotent and runs under a schema lock, so nodes may start at once; turn it off where a
     * migration tool owns the schema.
     */
    public static final boolean DEFAULT_CREATE_TABLES = true;

    private final JpaTransactions transactions;
    private final DatabaseStrategy database;
    private final Transactions runnerTransactions;
    private final EntityManagerFactory sharedFactory;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * A factory whose recorders use the given transactions and database strategy: the way code
     * that owns its persistence unit plugs in. With {@link JpaTransactions#resourceLocal} (a
     * {@link ThreadBoundTransactions}) those are also its {@link #transactions()}; for joined JTA
     * transactions use the constructor that takes the container's transactions too.
     */
    public JpaInfrastructureFactory(String applicationName, Settings settings, JpaTransactions transactions,
                                    DatabaseStrategy database) {
        this(applicationName, settings, transactions, database, (EntityManagerFactory) null);
    }

    /**
     * A factory in a container: its recorders' units of work join the caller's JTA transaction
     * ({@code transactions}, such as {@link JpaTransactions#joining}, or a REQUIRED variant), and
     * {@code containerTransactions} are the container's own, built on its transaction manager:
     * they begin new JTA transactions for a runner, tell whether one is active, and run work after
     * its commit ({@link #transactions()}). The recorders join a transaction begun by
     * {@code containerTransactions} because the container binds it to the thread.
     */
    public JpaInfrastructureFactory(String applicationName, Settings settings, JpaTransactions transactions,
                                    DatabaseStrategy database, Transactions containerTransactions) {
        this(applicationName, settings, transactions, database,
                Objects.requireNonNull(containerTransactions, "containerTransactions"), null);
    }

    private JpaInfrastructureFactory(String applicationName, Settings settings, JpaTransactions transactions,
                                     DatabaseStrategy database, EntityManagerFactory sharedFactory) {
        this(applicationName, settings, transactions, database,
                transactions instanceof Transactions threadBound ? threadBound : null, sharedFactory);
    }

    private JpaInfrastructureFactory(String applicationName, Settings settings, JpaTransactions transactions,
                                     DatabaseStrategy database, Transactions runnerTransactions,
                                     EntityManagerFactory sharedFactory) {
        super(applicationName, settings);
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.database = Objects.requireNonNull(database, "database");
        this.runnerTransactions = runnerTransactions;
        this.sharedFactory = sharedFactory;
    }

    /**
     * A factory configured by the settings alone, in Java SE.
     *
     * @throws ConfigurationException when the database cannot be told from the settings
     */
    public static JpaInfrastructureFactory fromSettings(String applicationName, Settings settings) {
        Map<String, String> properties = new HashMap<>();
        settings.get(URL).ifPresent(url -> properties.put("jakarta.persistence.jdbc.url", url.trim()));
        settings.get(USER).ifPresent(user -> properties.put("jakarta.persistence.jdbc.user", user.trim()));
        settings.get(PASSWORD).ifPresent(password -> properties.put("jakarta.persistence.jdbc.password", password));
        String unit = settings.get(PERSISTENCE_UNIT).map(String::trim).orElse(DEFAULT_PERSISTENCE_UNIT);
        EntityManagerFactory factory;
        try {
            factory = SharedEntityManagerFactories.acquire(unit, properties);
        } catch (RuntimeException e) {
            throw new ConfigurationException("Persistence unit '" + unit + "' (setting '" + PERSISTENCE_UNIT
                    + "') could not be started: " + e.getMessage(), e);
        }
        try {
            JpaTransactions transactions = JpaTransactions.resourceLocal(factory);
            DatabaseStrategy database = database(settings, transactions);
            if (settings.getBoolean(CREATE_TABLES, DEFAULT_CREATE_TABLES)) {
                JpaSchema.createTables(transactions, database);
            }
            return new JpaInfrastructureFactory(applicationName, settings, transactions, database, factory);
        } catch (RuntimeException e) {
            SharedEntityManagerFactories.release(factory);
            throw e;
        }
    }

    /**
     * Whether the settings ask for the container's JTA transactions: true, false, or empty when
     * they leave it to the container.
     *
     * @throws ConfigurationException when {@value #TRANSACTIONS} is neither {@code jta} nor {@code resource-local}
     */
    public static Optional<Boolean> jta(Settings settings) {
        return settings.get(TRANSACTIONS).map(value -> switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "jta" -> true;
            case "resource-local", "resource_local" -> false;
            default -> throw new ConfigurationException("Setting '" + TRANSACTIONS
                    + "' must be 'jta' or 'resource-local', was '" + value + "'");
        });
    }

    /**
     * The database a persistence unit runs on: named by {@value #DATABASE}, else recognised
     * from the JDBC URL ({@value #URL}, or the unit's own), else from the server.
     *
     * @throws ConfigurationException when the setting names no known database, or none can be recognised
     */
    public static DatabaseStrategy database(Settings settings, JpaTransactions transactions) {
        return DatabaseDetection.of(settings, transactions);
    }

    @Override
    public ApplicationRecorder applicationRecorder() {
        return new JpaApplicationRecorder(applicationName(), transactions, database);
    }

    @Override
    public ProcessRecorder processRecorder() {
        return new JpaProcessRecorder(applicationName(), transactions, database);
    }

    @Override
    public TrackingRecorder trackingRecorder() {
        return new JpaTrackingRecorder(applicationName(), transactions, database);
    }

    @Override
    public AggregateRecorder snapshotRecorder() {
        return new JpaAggregateRecorder(applicationName(), transactions);
    }

    /** The recorder of parked notifications, in {@code es_parked}: it serves every reader of the store. */
    @Override
    public ParkingRecorder parkingRecorder() {
        return new JpaParkingRecorder(transactions, database);
    }

    /**
     * The transactions that the recorders of this factory join: {@link ThreadBoundTransactions}
     * in Java SE, the container's in a container.
     *
     * @throws UnsupportedOperationException when the factory was made with transactions that
     *                                       join a JTA transaction but without the container's own
     */
    @Override
    public Transactions transactions() {
        if (runnerTransactions == null) {
            throw new UnsupportedOperationException("The JPA recorders of " + applicationName() + " join transactions of "
                    + transactions + ", which cannot begin one; construct the factory with the container's Transactions");
        }
        return runnerTransactions;
    }

    /** Releases the shared entity manager factory when this factory bootstrapped it. */
    @Override
    public void close() {
        if (sharedFactory != null && closed.compareAndSet(false, true)) {
            SharedEntityManagerFactories.release(sharedFactory);
        }
    }

    /** Registers the JPA module under the name {@code jpa}. */
    public static final class Provider implements InfrastructureFactory.Provider {

        @Override
        public String name() {
            return "jpa";
        }

        @Override
        public InfrastructureFactory create(String applicationName, Settings settings) {
            return fromSettings(applicationName, settings);
        }
    }
}
