package dev.eventsourcing.benchmarks;

import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.ObjLongConsumer;

/**
 * The baseline: hand-written JDBC doing the same SQL work as the recorders, on the same kind of
 * table (identity id, unique originator id and version), with prepared statements, JDBC batches
 * and the same pool. It keeps no promise about the order in which ids become visible: that
 * promise is what the other contenders pay for.
 */
public final class JdbcContender implements Contender {

    private static final String COLUMNS = "originator_id, originator_version, topic, state";
    private static final String INSERT = "INSERT INTO events (" + COLUMNS + ") VALUES (?, ?, ?, ?)";
    private static final String INSERT_PROCESSED = "INSERT INTO processed (" + COLUMNS + ") VALUES (?, ?, ?, ?)";
    private static final String INSERT_TRACKING =
            "INSERT INTO tracking (application_name, upstream_application_name, notification_id) VALUES (?, ?, ?)";
    private static final String INSERT_SNAPSHOT = "INSERT INTO snapshots (" + COLUMNS + ") VALUES (?, ?, ?, ?)";
    private static final String SELECT_EVENTS = "SELECT " + COLUMNS
            + " FROM events WHERE originator_id = ? AND originator_version > ? ORDER BY originator_version";
    private static final String SELECT_SNAPSHOT = "SELECT " + COLUMNS
            + " FROM snapshots WHERE originator_id = ? ORDER BY originator_version DESC LIMIT 1";
    private static final String SELECT_NOTIFICATIONS = "SELECT id, " + COLUMNS
            + " FROM events WHERE id > ? ORDER BY id LIMIT ?";

    private final BenchDatabase database;
    private final Backend backend;

    public JdbcContender(Backend backend) {
        this.backend = backend;
        this.database = BenchDatabase.create(backend, "raw");
        String[] ddl = JdbcSchema.statements(backend);
        database.execute(ddl);
    }

    @Override
    public String name() {
        return "raw JDBC";
    }

    @Override
    public Backend backend() {
        return backend;
    }

    /** The database this baseline runs on. */
    public BenchDatabase database() {
        return database;
    }

    @Override
    public void append(List<StoredEvent> events) {
        Sql.inTransaction(database.dataSource(), c -> {
            try (PreparedStatement insert = prepareReturningId(c, INSERT)) {
                for (StoredEvent event : events) {
                    bind(insert, event);
                    if (events.size() == 1) {
                        insert.executeUpdate();
                    } else {
                        insert.addBatch();
                    }
                }
                if (events.size() > 1) {
                    insert.executeBatch();
                }
                return generatedIds(insert, events.size());
            }
        });
    }

    private PreparedStatement prepareReturningId(Connection c, String sql) throws SQLException {
        return backend == Backend.MARIADB
                ? c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
                : c.prepareStatement(sql, new String[] {"id"});
    }

    private static List<Long> generatedIds(Statement statement, int expected) throws SQLException {
        List<Long> ids = new ArrayList<>(expected);
        try (ResultSet keys = statement.getGeneratedKeys()) {
            while (keys.next()) {
                ids.add(keys.getLong(1));
            }
        }
        return ids;
    }

    private void bind(PreparedStatement statement, StoredEvent event) throws SQLException {
        Sql.setUuid(statement, 1, event.originatorId(), backend);
        statement.setLong(2, event.originatorVersion());
        statement.setString(3, event.topic());
        statement.setBytes(4, event.state());
    }

    @Override
    public int load(UUID originatorId) {
        return Sql.inTransaction(database.dataSource(), c -> selectEvents(c, originatorId, 0).size());
    }

    private List<StoredEvent> selectEvents(Connection c, UUID originatorId, long after) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SELECT_EVENTS)) {
            Sql.setUuid(select, 1, originatorId, backend);
            select.setLong(2, after);
            return storedEvents(select);
        }
    }

    private static List<StoredEvent> storedEvents(PreparedStatement select) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                events.add(new StoredEvent(Sql.uuid(rows.getObject(1)), rows.getLong(2), rows.getString(3), rows.getBytes(4)));
            }
        }
        return events;
    }

    @Override
    public void storeSnapshot(StoredEvent snapshot) {
        Sql.inTransaction(database.dataSource(), c -> {
            try (PreparedStatement insert = c.prepareStatement(INSERT_SNAPSHOT)) {
                bind(insert, snapshot);
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public int loadFromSnapshot(UUID originatorId) {
        return Sql.inTransaction(database.dataSource(), c -> {
            List<StoredEvent> snapshot;
            try (PreparedStatement select = c.prepareStatement(SELECT_SNAPSHOT)) {
                Sql.setUuid(select, 1, originatorId, backend);
                snapshot = storedEvents(select);
            }
            long after = snapshot.isEmpty() ? 0 : snapshot.get(0).originatorVersion();
            return snapshot.size() + selectEvents(c, originatorId, after).size();
        });
    }

    /** One page of notifications after {@code position}, ascending by id. */
    List<Notification> selectNotifications(long position, int limit) {
        return Sql.inTransaction(database.dataSource(), c -> {
            try (PreparedStatement select = c.prepareStatement(SELECT_NOTIFICATIONS)) {
                select.setLong(1, position);
                select.setInt(2, limit);
                List<Notification> page = new ArrayList<>(limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        page.add(new Notification(rows.getLong(1), Sql.uuid(rows.getObject(2)), rows.getLong(3),
                                rows.getString(4), rows.getBytes(5)));
                    }
                }
                return page;
            }
        });
    }

    @Override
    public long readLog(int pageSize, long count, long deadline) {
        return Pages.read(this::selectNotifications, pageSize, count, deadline);
    }

    @Override
    public long catchUp(long position, int pageSize, long count, long deadline) {
        return Pages.process(this::selectNotifications, this::writeProcessed, position, pageSize, count, deadline);
    }

    private void writeProcessed(List<Notification> page) {
        Sql.inTransaction(database.dataSource(), c -> {
            try (PreparedStatement insert = prepareReturningId(c, INSERT_PROCESSED);
                 PreparedStatement tracking = c.prepareStatement(INSERT_TRACKING)) {
                for (Notification n : page) {
                    bind(insert, Pages.processed(n));
                    insert.addBatch();
                }
                insert.executeBatch();
                generatedIds(insert, page.size());
                tracking.setString(1, "Statements");
                tracking.setString(2, "Accounts");
                tracking.setLong(3, page.get(page.size() - 1).id());
                return tracking.executeUpdate();
            }
        });
    }

    @Override
    public AutoCloseable follow(long position, ObjLongConsumer<UUID> onNotification) {
        return Pages.poll(this::selectNotifications, position, onNotification);
    }

    @Override
    public long maxNotificationId() {
        return Sql.inTransaction(database.dataSource(), c -> {
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT MAX(id) FROM events")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Override
    public void fillTo(long total) {
        long missing = total - maxNotificationId();
        for (long done = 0; done < missing; done += Pages.FILL_CHUNK) {
            Sql.RowSource rows = Sql.RowSource.of(backend, Math.min(Pages.FILL_CHUNK, missing - done));
            database.execute("INSERT INTO events (" + COLUMNS + ") SELECT " + rows.uniqueUuid() + ", 1, '"
                    + Events.TOPIC + "', " + JdbcSchema.stateLiteral(backend) + " FROM " + rows.from());
        }
    }

    @Override
    public void analyze() {
        database.analyze();
    }

    @Override
    public void close() {
        database.close();
    }
}
