package dev.eventsourcing.jpa;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.persistence.ConcurrencyConflictException;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Tracking;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;

/**
 * The database-specific steps of the JPA recorders: how notification ids are reserved so that
 * readers never skip one, how far a reader may read, and which DDL script creates the tables.
 *
 * <p>Why this exists: a notification log is only useful if a reader polling
 * {@code selectNotifications(last seen + 1)} never misses a notification that commits late. Ids
 * handed out in one order and committed in another would break that, and each database offers a
 * different way to prevent it. Every strategy here prevents it by construction, never by
 * timeouts or guesses:
 * <ul>
 * <li>{@link #postgresql()}: writers take ids from a sequence without waiting for each other,
 *     and mark them "in progress" with a transaction-level advisory lock; readers stop below the
 *     lowest id still in progress (a visibility watermark). Concurrent writers keep group commit.
 * <li>{@link #mariadb()}, {@link #h2()}, {@link #postgresqlSerialised()}: each writer increments
 *     its application's counter row and keeps it locked until commit, so ids are assigned in
 *     commit order. Writers of one application are serialised (writers of different
 *     applications are not); ids have no gaps.
 * </ul>
 * Every method runs inside the caller's unit of work (see {@link JpaTransactions}).
 *
 * <p>A strategy also decides how rows are written so that an expected conflict (two writers of
 * one aggregate version, or of one tracking position) is refused without a failing statement:
 * the JPA provider logs every failing statement as an error (Hibernate at ERROR, with the SQL),
 * and a busy aggregate would fill the server log with them. The shipped strategies check under
 * their lock (MariaDB, H2, {@link #postgresqlSerialised()}) or insert with
 * {@code ON CONFLICT DO NOTHING} and count the rows ({@link #postgresql()}), and throw the
 * {@link IntegrityException} themselves, leaving nothing of the refused call in the unit of work.
 *
 * <p>A strategy also names its database's {@linkplain #schema() schema}: the DDL script and the
 * lock that lets one process at a time run it, so that nodes of a cluster booting together can
 * each create the tables at start-up.
 */
public interface DatabaseStrategy {

    /**
     * Registers the application (its counter row, and on PostgreSQL its id sequence) unless it is
     * registered already. Writers also register on first use; doing it once ahead, in a
     * transaction of its own, spares concurrent first writers a race (on H2 the loser of that
     * race gets an integrity error).
     *
     * @param em the entity manager of the current unit of work
     * @param applicationName the application whose log is written or read
     */
    void register(EntityManager em, String applicationName);

    /**
     * Reserves one notification id per event, contiguous and in batch order, for the current
     * transaction and returns the first; the application is registered on first use. The events
     * are given so that a strategy may refuse a batch whose version is taken before it takes ids.
     *
     * @param em the entity manager of the current unit of work
     * @param applicationName the application whose log is written or read
     * @param events the batch to be inserted, in order
     * @return the first reserved id; the batch's ids run from it to it plus the batch size, minus 1
     * @throws ConcurrencyConflictException when a strategy finds an event's version taken already
     */
    long reserveNotificationIds(EntityManager em, String applicationName, List<StoredEvent> events);

    /**
     * Inserts the events under the ids that {@link #reserveNotificationIds} has just reserved for
     * them in this unit of work, from {@code firstId} on, in batch order.
     *
     * <p>The default adds them as entities, which the provider inserts in JDBC batches at the
     * flush; a taken version then fails at the flush with the database's error (and the provider
     * logs it). The shipped strategies refuse a taken version without a failing statement.
     *
     * @param em the entity manager of the current unit of work
     * @param applicationName the application whose log is written or read
     * @param firstId the first id reserved for the batch
     * @param events the batch, in the order its ids were reserved
     * @throws ConcurrencyConflictException when an event's version is taken; the unit of work
     *     then holds none of the events
     */
    default void insertEvents(EntityManager em, String applicationName, long firstId, List<StoredEvent> events) {
        EventRows.persist(em, applicationName, firstId, events);
    }

    /**
     * Reserves ids for the events and inserts them under those ids, in this unit of work, and
     * returns the first id: {@link #reserveNotificationIds} then {@link #insertEvents} by
     * default. A strategy may do both in one statement (PostgreSQL does), saving a round trip
     * per append.
     *
     * @param em the entity manager of the current unit of work
     * @param applicationName the application whose log is written
     * @param events the batch, in order; not empty
     * @return the first id; the batch's ids run from it to it plus the batch size, minus 1
     * @throws ConcurrencyConflictException when an event's version is taken; the unit of work
     *     then holds none of the events
     */
    default long appendEvents(EntityManager em, String applicationName, List<StoredEvent> events) {
        long first = reserveNotificationIds(em, applicationName, events);
        insertEvents(em, applicationName, first, events);
        return first;
    }

    /**
     * Records the position of the application (a downstream reader) in an upstream log, in this
     * unit of work, unless it is not above the highest position recorded.
     *
     * <p>The default adds it as an entity after checking the highest position; a concurrent
     * writer of the same position then fails at the flush with the database's error (and the
     * provider logs it). The shipped strategies refuse it without a failing statement.
     *
     * @param em the entity manager of the current unit of work
     * @param applicationName the downstream reader whose position it is
     * @param tracking the upstream application and the notification id processed
     * @throws IntegrityException when the position, or a higher one, is recorded already
     */
    default void insertTracking(EntityManager em, String applicationName, Tracking tracking) {
        TrackingRows.insert(em, applicationName, tracking);
    }

    /**
     * Records the position as {@link #insertTracking} does: in a row of its own (multi-row
     * tracking), or by moving the reader's one row up in place (single-row tracking, see
     * {@link JpaSettings#SINGLE_ROW_TRACKING}), with the same refusals.
     *
     * <p>The default moves the row after checking the highest position; a concurrent writer of a
     * first position then fails at the flush with the database's error. The shipped strategies
     * refuse it without a failing statement.
     *
     * @param em the entity manager of the current unit of work
     * @param applicationName the downstream reader whose position it is
     * @param tracking the upstream application and the notification id processed
     * @param singleRow whether to keep one row per reader and upstream application
     * @return the highest position before (0 when none): what single-row tracking puts back if
     *         the unit of work is refused and its caller's transaction goes on
     * @throws IntegrityException when the position, or a higher one, is recorded already
     */
    default long recordTracking(EntityManager em, String applicationName, Tracking tracking, boolean singleRow) {
        if (!singleRow) {
            insertTracking(em, applicationName, tracking);
            return 0;
        }
        return TrackingRows.advance(em, applicationName, tracking);
    }

    /**
     * The highest notification id that readers may return now: every id at or below it is
     * committed or will never be. Call it before selecting the rows, in a statement of its own.
     *
     * @param em the entity manager of the current unit of work
     * @param applicationName the application whose log is written or read
     * @return the highest id safe to return; {@link Long#MAX_VALUE} where ids are assigned in
     *         commit order and every committed id is safe
     */
    long visibleUpTo(EntityManager em, String applicationName);

    /**
     * The notifications of the selection that a reader may be given now, ascending by id: never
     * one that would let a reader going on from the last id returned skip a notification that
     * commits later. By default the rows at or below {@link #visibleUpTo}, read in a statement
     * after it; a strategy may read the page in one call (PostgreSQL does).
     *
     * @param em the entity manager of the current unit of work
     * @param applicationName the application whose log is read
     * @param selection the ids, limit and topics to select
     * @return the notifications, ascending by id
     */
    default List<Notification> selectNotifications(EntityManager em, String applicationName,
                                                   NotificationSelection selection) {
        return NotificationQueries.select(this, em, applicationName, selection);
    }

    /**
     * The highest notification id readers may rely on now: the highest stored id at or below
     * {@link #visibleUpTo}, or 0 when there is none. A strategy may read it in one call.
     *
     * @param em the entity manager of the current unit of work
     * @param applicationName the application whose log is read
     * @return the highest stored id that is safe to return
     */
    default long maxNotificationId(EntityManager em, String applicationName) {
        return NotificationQueries.max(this, em, applicationName);
    }

    /**
     * The tables of this strategy's database: the DDL script that creates them and the lock that
     * lets one process at a time run it, so that nodes booting together each create the tables
     * in turn (see {@link JpaSchema#createTables}).
     *
     * @return the database's schema
     */
    DatabaseSchema schema();

    /**
     * PostgreSQL with concurrent writers and a visibility watermark (the default for PostgreSQL).
     *
     * @return a new strategy
     */
    static DatabaseStrategy postgresql() {
        return new PostgresWatermarkStrategy();
    }

    /**
     * PostgreSQL with writers of one application serialised by their counter row until commit.
     *
     * @return a new strategy
     */
    static DatabaseStrategy postgresqlSerialised() {
        return new CounterRowStrategy(SqlDialect.POSTGRESQL);
    }

    /**
     * MariaDB (InnoDB) with writers of one application serialised by their counter row until commit.
     *
     * @return a new strategy
     */
    static DatabaseStrategy mariadb() {
        return new CounterRowStrategy(SqlDialect.MARIADB);
    }

    /**
     * H2 with writers of one application serialised by their counter row until commit. On H2
     * before 2.3.232, {@link #register} also turns off the database's reuse of query results,
     * which there can serve a reader rows older than a commit that has returned.
     *
     * @return a new strategy
     */
    static DatabaseStrategy h2() {
        return new CounterRowStrategy(SqlDialect.H2);
    }

    /**
     * The default strategy for the database a persistence unit runs on: told from the unit's JDBC
     * URL when the provider reports one (a unit opened in Java SE), else by asking the server with
     * queries that each database answers without an error (a container's datasource). To name the
     * database instead, use {@link #named} or the setting {@value JpaSettings#DATABASE} (see
     * {@link JpaSettings#database(JpaTransactions)}).
     *
     * @param transactions units of work of the persistence unit to look at; not null
     * @return the default strategy of the database found
     * @throws ConfigurationException when the database is none of PostgreSQL,
     *     MariaDB (or MySQL) and H2, or cannot be told
     */
    static DatabaseStrategy detect(JpaTransactions transactions) {
        return DatabaseDetection.detect(Objects.requireNonNull(transactions, "transactions"));
    }

    /**
     * The default strategy for a database named as in configuration: {@code postgresql},
     * {@code postgresql-serialised}, {@code mariadb} or {@code h2} (case-insensitive).
     *
     * @param name the database's name; {@code postgres}, {@code mysql} and the spelling
     *             {@code postgresql-serialized} are accepted too; surrounding blanks are ignored
     * @return a new strategy for that database
     * @throws IllegalArgumentException for any other name, listing the known ones
     */
    static DatabaseStrategy named(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "postgresql", "postgres" -> postgresql();
            case "postgresql-serialised", "postgresql-serialized" -> postgresqlSerialised();
            case "mariadb", "mysql" -> mariadb();
            case "h2" -> h2();
            default -> throw new IllegalArgumentException("Unknown database '" + name
                    + "': expected one of postgresql, postgresql-serialised, mariadb, h2");
        };
    }
}
