package dev.eventsourcing.jpa;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.dcb.DcbRecorder;
import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.LeaseRecorder;
import dev.eventsourcing.persistence.ParkingRecorder;
import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.SubjectKeyRecorder;
import dev.eventsourcing.persistence.TrackingRecorder;
import dev.eventsourcing.persistence.Transactions;
import jakarta.persistence.EntityManagerFactory;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JPA persistence module ({@code persistence.module=jpa}): makes JPA recorders for one
 * application.
 *
 * <p>Chosen by settings (Java SE), it opens the persistence unit that its {@link JpaSettings}
 * name (default {@value #DEFAULT_PERSISTENCE_UNIT}) with RESOURCE_LOCAL transactions;
 * applications with the same unit and connection settings share one entity manager factory,
 * closed with the last of them. Its {@link #transactions()} are then
 * {@link ThreadBoundTransactions}: the recorders of every application on the unit join a
 * runner's transaction in the same thread. In a container, construct it with recorders'
 * transactions that join the caller's JTA transaction (such as {@link JpaTransactions#joining})
 * and the container's own {@link Transactions} instead.
 *
 * <p>The key constants here are those of {@link JpaSettings}, which says what each key means and
 * what its default is.
 */
public class JpaInfrastructureFactory extends InfrastructureFactory {

    /** {@link JpaSettings#PERSISTENCE_UNIT}. */
    public static final String PERSISTENCE_UNIT = JpaSettings.PERSISTENCE_UNIT;
    /** {@link JpaSettings#DEFAULT_PERSISTENCE_UNIT}. */
    public static final String DEFAULT_PERSISTENCE_UNIT = JpaSettings.DEFAULT_PERSISTENCE_UNIT;
    /** {@link JpaSettings#URL}. */
    public static final String URL = JpaSettings.URL;
    /** {@link JpaSettings#USER}. */
    public static final String USER = JpaSettings.USER;
    /** {@link JpaSettings#PASSWORD}. */
    public static final String PASSWORD = JpaSettings.PASSWORD;
    /** {@link JpaSettings#DATABASE}. */
    public static final String DATABASE = JpaSettings.DATABASE;
    /** {@link JpaSettings#CREATE_TABLES}. */
    public static final String CREATE_TABLES = JpaSettings.CREATE_TABLES;
    /** {@link JpaSettings#PUSH}. */
    public static final String PUSH = JpaSettings.PUSH;
    /** {@link JpaSettings#POLL_INTERVAL}. */
    public static final String POLL_INTERVAL = JpaSettings.POLL_INTERVAL;
    /** {@link JpaSettings#TRANSACTIONS}. */
    public static final String TRANSACTIONS = JpaSettings.TRANSACTIONS;
    /** See {@link JpaSettings#DEFAULT_CREATE_TABLES} for why tables are created unless told otherwise. */
    public static final boolean DEFAULT_CREATE_TABLES = JpaSettings.DEFAULT_CREATE_TABLES;

    private final JpaTransactions transactions;
    private final DatabaseStrategy database;
    private final Transactions runnerTransactions;
    private final EntityManagerFactory sharedFactory;
    private final CommitSignals signals;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * A factory whose recorders use the given transactions and database strategy: the way code
     * that owns its persistence unit plugs in. With {@link JpaTransactions#resourceLocal} (a
     * {@link ThreadBoundTransactions}) those are also its {@link #transactions()}; for joined JTA
     * transactions use the constructor that takes the container's transactions too.
     *
     * @param applicationName the application the recorders serve; it keys their rows
     * @param settings the application's settings, scoped to its name
     * @param transactions the recorders' units of work; not null
     * @param database the database's strategy; not null
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
     *
     * @param applicationName the application the recorders serve; it keys their rows
     * @param settings the application's settings, scoped to its name
     * @param transactions the recorders' units of work, joining the caller's transaction; not null
     * @param database the database's strategy; not null
     * @param containerTransactions the container's transactions, for runners; not null
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
        JpaSettings jpa = JpaSettings.of(settings);
        this.signals = CommitSignals.of(database, transactions, runnerTransactions, jpa.push(), jpa.pollInterval());
    }

    /**
     * A factory configured by the settings alone, in Java SE: it opens (or shares) the unit the
     * settings name, tells the database, and creates the tables unless told not to.
     *
     * @param applicationName the application the recorders serve; it keys their rows
     * @param settings the application's settings, scoped to its name
     * @return a factory holding a share of the unit, released when the factory is closed
     * @throws ConfigurationException when the database cannot be told from the settings
     */
    public static JpaInfrastructureFactory fromSettings(String applicationName, Settings settings) {
        JpaSettings jpa = JpaSettings.of(settings);
        EntityManagerFactory factory = SharedEntityManagerFactories.acquire(jpa);
        try {
            JpaTransactions transactions = JpaTransactions.resourceLocal(factory);
            DatabaseStrategy database = jpa.database(transactions);
            if (jpa.createTables()) {
                JpaSchema.createTables(transactions, database);
            }
            return new JpaInfrastructureFactory(applicationName, settings, transactions, database, factory);
        } catch (RuntimeException e) {
            SharedEntityManagerFactories.release(factory);
            throw e;
        }
    }

    /**
     * Whether the settings ask for the container's JTA transactions: {@link JpaSettings#jta()}.
     *
     * @param settings the settings to read
     * @return true for {@code jta}, false for {@code resource-local}, empty when unset
     * @throws ConfigurationException when {@value #TRANSACTIONS} is neither {@code jta} nor {@code resource-local}
     */
    public static Optional<Boolean> jta(Settings settings) {
        return JpaSettings.of(settings).jta();
    }

    /**
     * The database a persistence unit runs on: {@link JpaSettings#database(JpaTransactions)}.
     *
     * @param settings the settings to read
     * @param transactions units of work of the unit, used only when it must be asked
     * @return the database's default strategy
     * @throws ConfigurationException when the setting names no known database, or none can be recognised
     */
    public static DatabaseStrategy database(Settings settings, JpaTransactions transactions) {
        return JpaSettings.of(settings).database(transactions);
    }

    @Override
    public ApplicationRecorder applicationRecorder() {
        return new JpaApplicationRecorder(applicationName(), transactions, database, signals);
    }

    @Override
    public ProcessRecorder processRecorder() {
        return new JpaProcessRecorder(applicationName(), transactions, database, signals,
                JpaSettings.of(settings()).singleRowTracking());
    }

    @Override
    public TrackingRecorder trackingRecorder() {
        return new JpaTrackingRecorder(applicationName(), transactions, database, JpaSettings.of(settings()).singleRowTracking());
    }

    @Override
    public AggregateRecorder snapshotRecorder() {
        return new JpaAggregateRecorder(applicationName(), transactions, database);
    }

    /** The recorder of parked notifications, in {@code es_parked}: it serves every reader of the store. */
    @Override
    public ParkingRecorder parkingRecorder() {
        return new JpaParkingRecorder(transactions, database);
    }

    /**
     * The recorder of the leases by which nodes divide readers' segments, in {@code es_lease_groups},
     * {@code es_lease_members} and {@code es_leases}: it serves every group of the store.
     *
     * @return a new lease recorder on this factory's transactions and database
     */
    @Override
    public LeaseRecorder leaseRecorder() {
        return new JpaLeaseRecorder(transactions, database);
    }

    /**
     * The recorder of the application's DCB events, in {@code es_dcb_events} and
     * {@code es_dcb_tags}, keyed by the application's name. Its positions are registered at once,
     * also when the recorder joins the container's transactions.
     *
     * @return a new DCB recorder on this factory's transactions and database
     */
    @Override
    public DcbRecorder dcbRecorder() {
        JpaDcbRecorder recorder = new JpaDcbRecorder(applicationName(), transactions, database, signals);
        if (!transactions.ownsTransactions()) {
            // A joined recorder does not register its positions itself. Do it as the application is
            // made (at start-up in a container, in a transaction of its own), ahead of concurrent
            // first writers, which would otherwise race to register and one of them fail on H2.
            recorder.register();
        }
        return recorder;
    }

    /** The recorder of the application's subject keys, in {@code es_subject_keys}. */
    @Override
    public SubjectKeyRecorder subjectKeyRecorder() {
        return new JpaSubjectKeyRecorder(applicationName(), transactions, database);
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
