package dev.eventsourcing.jpa;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of the JPA event store, declared once: their keys, their defaults, and how each
 * value is read. Java SE ({@link JpaInfrastructureFactory#fromSettings}) and container
 * integrations (the CDI extension, which prefixes the keys with {@code eventsourcing.}) read them
 * here, so that both understand the same values and refuse the same mistakes, with a
 * {@link ConfigurationException} naming the key and the value.
 *
 * <table>
 * <caption>JPA settings</caption>
 * <tr><th>key</th><th>meaning</th><th>default</th></tr>
 * <tr><td>{@value #PERSISTENCE_UNIT}</td><td>the persistence unit, which must include
 *     {@code META-INF/eventsourcing/orm.xml}</td><td>{@value #DEFAULT_PERSISTENCE_UNIT} in Java
 *     SE; in a container, the deployment's only unit</td></tr>
 * <tr><td>{@value #TRANSACTIONS}</td><td>{@code jta}: the container's transactions, through its
 *     entity manager; {@code resource-local}: a unit opened from these settings</td><td>in a
 *     container, {@code jta} when it provides the unit's entity manager</td></tr>
 * <tr><td>{@value #DATABASE}</td><td>{@code postgresql}, {@code postgresql-serialised},
 *     {@code mariadb} or {@code h2} (see {@link DatabaseStrategy})</td><td>told from the JDBC URL
 *     or the server ({@link DatabaseStrategy#detect})</td></tr>
 * <tr><td>{@value #CREATE_TABLES}</td><td>run the DDL script at start-up</td>
 *     <td>{@value #DEFAULT_CREATE_TABLES}</td></tr>
 * <tr><td>{@value #SINGLE_ROW_TRACKING}</td><td>keep one tracking row per reader and upstream
 *     application, moved up in place; {@code false} adds a row per recorded position</td>
 *     <td>{@value #DEFAULT_SINGLE_ROW_TRACKING}</td></tr>
 * <tr><td>{@value #URL}, {@value #USER}, {@value #PASSWORD}</td><td>a unit opened from these
 *     settings connects with them instead of its own</td><td>the unit's</td></tr>
 * <tr><td>{@value #PUSH}</td><td>on PostgreSQL, announce commits and wake readers by
 *     {@code LISTEN/NOTIFY} (see {@link #push()})</td><td>{@value #DEFAULT_PUSH}</td></tr>
 * <tr><td>{@value #POLL_INTERVAL}</td><td>milliseconds between the polls of a subscription that
 *     push wakes (see {@link #pollInterval()})</td><td>{@value #DEFAULT_POLL_INTERVAL}</td></tr>
 * </table>
 */
public final class JpaSettings {

    /** The key of the persistence unit's name. */
    public static final String PERSISTENCE_UNIT = "jpa.persistence-unit";
    /** The persistence unit opened in Java SE when none is named. */
    public static final String DEFAULT_PERSISTENCE_UNIT = "eventsourcing";
    /** The key that chooses {@code jta} or {@code resource-local} transactions. */
    public static final String TRANSACTIONS = "jpa.transactions";
    /** The key that names the database, instead of telling it from the unit. */
    public static final String DATABASE = "jpa.database";
    /** The key that says whether to run the DDL script at start-up. */
    public static final String CREATE_TABLES = "jpa.create-tables";
    /** The key that chooses single-row tracking (true) or a row per recorded position (false). */
    public static final String SINGLE_ROW_TRACKING = "jpa.single-row-tracking";
    /** The key of the JDBC URL a unit opened from these settings connects to. */
    public static final String URL = "jpa.url";
    /** The key of the database user a unit opened from these settings connects as. */
    public static final String USER = "jpa.user";
    /** The key of that user's password. */
    public static final String PASSWORD = "jpa.password";
    /** The key that turns push (commits announced by {@code LISTEN/NOTIFY}) on or off on PostgreSQL. */
    public static final String PUSH = "jpa.push";
    /** Push is on by default: it costs the writers nothing and readers stay polling as well. */
    public static final boolean DEFAULT_PUSH = true;
    /** The key of the interval at which subscriptions that push wakes still poll, in milliseconds. */
    public static final String POLL_INTERVAL = "jpa.poll-interval";
    /**
     * Subscriptions that push wakes poll every 50 ms unless told otherwise: as often as the
     * slowest poll of subscriptions without push, so that a lost announcement costs no more.
     */
    public static final int DEFAULT_POLL_INTERVAL = 50;

    /**
     * Tables are created at start-up unless told otherwise, in Java SE and in a container alike,
     * so that an application runs with no configuration. It is safe by default because the
     * script is idempotent and runs under a schema lock, so the nodes of a cluster may start at
     * once; it needs the right to create tables, and where a migration tool owns the schema (or
     * the application's database user may not change it), turn it off.
     */
    public static final boolean DEFAULT_CREATE_TABLES = true;

    /**
     * One tracking row per reader and upstream application unless told otherwise, as the
     * reference library does since 9.4.3: the table then stops growing by a row per processed
     * notification. Exactly-once holds in both modes, since either refuses a second writer of
     * the same or a lower position (see {@code TrackingRows}); keep the multi-row mode where
     * every recorded position is wanted as a record of what was processed in which transaction,
     * or where a custom {@link DatabaseStrategy} records positions by inserting rows only.
     */
    public static final boolean DEFAULT_SINGLE_ROW_TRACKING = true;

    private final Settings settings;

    private JpaSettings(Settings settings) {
        this.settings = settings;
    }

    /**
     * The JPA settings among {@code settings} (keys without a prefix: scope them first).
     *
     * @param settings where the keys are looked up; not null
     * @return the JPA settings, read when asked for
     */
    public static JpaSettings of(Settings settings) {
        return new JpaSettings(Objects.requireNonNull(settings, "settings"));
    }

    /** @return the persistence unit named by {@value #PERSISTENCE_UNIT}, trimmed, or empty when none is */
    public Optional<String> namedPersistenceUnit() {
        return settings.get(PERSISTENCE_UNIT).map(String::trim).filter(name -> !name.isEmpty());
    }

    /** @return the persistence unit to open in Java SE: the named one, else {@value #DEFAULT_PERSISTENCE_UNIT} */
    public String persistenceUnit() {
        return namedPersistenceUnit().orElse(DEFAULT_PERSISTENCE_UNIT);
    }

    /**
     * Whether the settings ask for the container's JTA transactions: true for {@code jta}, false
     * for {@code resource-local}, empty when they leave it to the container.
     *
     * @return whether to use JTA, or empty when unset
     * @throws ConfigurationException for any other value
     */
    public Optional<Boolean> jta() {
        return settings.get(TRANSACTIONS).map(value -> switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "jta" -> true;
            case "resource-local", "resource_local" -> false;
            default -> throw new ConfigurationException("Setting '" + TRANSACTIONS
                    + "' must be 'jta' or 'resource-local', was '" + value + "'");
        });
    }

    /**
     * Whether to run the DDL script at start-up; {@value #DEFAULT_CREATE_TABLES} when unset.
     *
     * @return true to create the tables
     * @throws ConfigurationException when the value is not a boolean
     */
    public boolean createTables() {
        return settings.getBoolean(CREATE_TABLES, DEFAULT_CREATE_TABLES);
    }

    /**
     * Whether, on PostgreSQL ({@link DatabaseStrategy#postgresql()}), the recorders announce the
     * commits that recorded notifications by {@code NOTIFY}, after the commit and from a
     * connection of their own, and subscriptions and runners are woken by them through one
     * {@code LISTEN}ing connection per process and persistence unit, opened from the unit's data
     * source or JDBC URL outside every transaction. Readers poll as well, at their own
     * intervals. Ignored on the other databases, where readers poll and a runner prompts its
     * readers after the commits of its own process. {@value #DEFAULT_PUSH} when unset.
     *
     * @return true for push
     * @throws ConfigurationException when the value is not a boolean
     */
    public boolean push() {
        return settings.getBoolean(PUSH, DEFAULT_PUSH);
    }

    /**
     * How far apart a subscription ({@code subscribe}) that push wakes still polls while nothing
     * new comes, in case an announcement is lost: a commit of a process that ends before it
     * announces it, or one made while the listening connection is being opened again (after
     * which every reader is woken once, so that what was announced meanwhile is read then).
     * Subscriptions that push does not wake (push off, another database, a unit that gives no
     * connection to listen on) back off from 2 ms to 50 ms instead. Runners poll at their own
     * interval ({@code projection.poll-interval}). {@value #DEFAULT_POLL_INTERVAL} ms when unset.
     *
     * @return the interval, at least a millisecond
     * @throws ConfigurationException when the value is not a positive whole number
     */
    public Duration pollInterval() {
        int millis = settings.getInt(POLL_INTERVAL, DEFAULT_POLL_INTERVAL);
        if (millis < 1) {
            throw new ConfigurationException("Setting '" + POLL_INTERVAL + "' must be a positive whole number"
                    + " (milliseconds), was '" + millis + "'");
        }
        return Duration.ofMillis(millis);
    }

    /**
     * Whether to keep one tracking row per reader and upstream application;
     * {@value #DEFAULT_SINGLE_ROW_TRACKING} when unset.
     *
     * @return true for single-row tracking, false for a row per recorded position
     * @throws ConfigurationException when the value is not a boolean
     */
    public boolean singleRowTracking() {
        return settings.getBoolean(SINGLE_ROW_TRACKING, DEFAULT_SINGLE_ROW_TRACKING);
    }

    /**
     * The strategy of the database named by {@value #DATABASE}, if one is.
     *
     * @return the named database's strategy, or empty when the key is unset
     * @throws ConfigurationException when it names no known database
     */
    public Optional<DatabaseStrategy> namedDatabase() {
        return settings.get(DATABASE).map(name -> {
            try {
                return DatabaseStrategy.named(name);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("Setting '" + DATABASE + "': " + e.getMessage(), e);
            }
        });
    }

    /**
     * The strategy of the database the unit runs on: named by {@value #DATABASE}, else told from
     * {@value #URL}, else from the unit itself ({@link DatabaseStrategy#detect}).
     *
     * @param transactions units of work of the unit, used only when it must be asked; not null
     * @return the database's default strategy
     * @throws ConfigurationException when the setting names no known database, or none can be told
     */
    public DatabaseStrategy database(JpaTransactions transactions) {
        Objects.requireNonNull(transactions, "transactions");
        return namedDatabase()
                .or(() -> settings.get(URL).flatMap(DatabaseDetection::nameInUrl).map(DatabaseStrategy::named))
                .orElseGet(() -> DatabaseStrategy.detect(transactions));
    }

    /**
     * The properties that make a unit connect as these settings say:
     * {@code jakarta.persistence.jdbc.url}, {@code .user} and {@code .password}, for the keys that
     * are set. A user given without a password connects with an empty one, not with the unit's
     * password (which belongs to the unit's user): MicroProfile Config cannot give an empty value,
     * it reads {@code jpa.password=} as unset.
     *
     * @return the JDBC properties to pass when opening the unit; empty when no key is set
     */
    public Map<String, String> connectionProperties() {
        Map<String, String> properties = new HashMap<>();
        settings.get(URL).map(String::trim).ifPresent(url -> properties.put("jakarta.persistence.jdbc.url", url));
        Optional<String> user = settings.get(USER).map(String::trim);
        user.ifPresent(name -> properties.put("jakarta.persistence.jdbc.user", name));
        settings.get(PASSWORD).or(() -> user.map(name -> ""))
                .ifPresent(password -> properties.put("jakarta.persistence.jdbc.password", password));
        return Map.copyOf(properties);
    }

    /**
     * Opens the persistence unit in Java SE, with RESOURCE_LOCAL transactions: the unit
     * {@link #persistenceUnit()}, connecting with {@link #connectionProperties()}. The caller
     * closes it; use it with {@link JpaTransactions#resourceLocal}.
     *
     * @return the open entity manager factory
     * @throws ConfigurationException when the unit cannot be started, naming it and its setting
     */
    public EntityManagerFactory openUnit() {
        String unit = persistenceUnit();
        try {
            return Persistence.createEntityManagerFactory(unit, connectionProperties());
        } catch (RuntimeException e) {
            throw notStarted(unit, e);
        }
    }

    // Names the unit, the URL and what failed, never a password: the driver's message, or the
    // provider's, may repeat the URL with the password in it.
    private ConfigurationException notStarted(String unit, RuntimeException failure) {
        Optional<String> url = settings.get(URL).map(String::trim);
        List<String> secrets = Credentials.secrets(url.orElse(null), settings.get(PASSWORD).orElse(null));
        String reason = JpaExceptions.hasSqlException(failure) ? JpaExceptions.describe(failure)
                : Credentials.redact(String.valueOf(failure.getMessage()), secrets);
        return new ConfigurationException("Persistence unit '" + unit + "' (setting '" + PERSISTENCE_UNIT
                + "') could not be started" + url.map(u -> " with URL " + Credentials.redact(u, secrets)).orElse("")
                + ": " + reason, Credentials.safeCause(failure, secrets));
    }

    @Override
    public String toString() {
        return "JpaSettings[unit " + persistenceUnit() + "]";
    }
}
