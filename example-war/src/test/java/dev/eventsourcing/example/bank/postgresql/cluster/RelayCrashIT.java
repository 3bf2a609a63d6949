package dev.eventsourcing.example.bank.postgresql.cluster;

import dev.eventsourcing.example.bank.BankClient;
import dev.eventsourcing.example.bank.HttpBank;
import dev.eventsourcing.example.bank.TestUser;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bank's JMS relay on WildFly's embedded messaging, with a process kill between a send and
 * the commit of the relay's position. One WildFly node runs on {@code standalone-full.xml} with
 * the relay on ({@code eventsourcing.relay.Bank.destination=java:/jms/queue/bank}) and the
 * {@link RelayConsumer} bean, which records every message it receives, without deduplicating.
 *
 * <p>First the bank's notifications must arrive at the consumer with their ids, aggregate ids
 * and versions. Then the crash: the test holds, in a transaction of its own, uncommitted
 * tracking rows of the relay for the ids just above its position, so that the relay's
 * transaction, which first claims the next position, then sends a transfer's three messages and
 * then records the last of them, waits on the test's row. Once PostgreSQL shows the relay
 * waiting for the test's transaction, the server is killed with SIGKILL and the test rolls back;
 * the server starts again on the same base directory (the broker's journal kept) and the
 * consumer must get every notification at least once, each aggregate's in order, a duplicate
 * only as a copy of the same notification. The run prints how many duplicates it saw.
 */
class RelayCrashIT {

    private static final Duration BOOT = Duration.ofSeconds(180);
    private static final Duration DELIVERY = Duration.ofSeconds(90);
    // HTTP on 8780, management on 10690: clear of the build's other servers and the cluster tests.
    private static final int PORT_OFFSET = 700;
    private static final String RELAY = "BankRelay";
    private static final String LOG = "Bank";
    /** Tracking rows the test holds above the relay's position: more than one transfer's notifications. */
    private static final int HELD = 50;

    private WildFlyNode node;

    @AfterEach
    void killNode() throws InterruptedException {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aKillBetweenSendAndTrackingCommitLosesNoMessageAndDuplicatesCarryTheirId() throws Exception {
        ClusterDatabase database = ClusterDatabase.fresh("bank_relay");
        execute(database, RelayConsumer.CREATE);
        node = provision(database);
        node.start(BOOT);
        HttpBank bank = new HttpBank(new BankClient(new URL(node.baseUri().resolve("bank/").toString()), TestUser.TELLER));

        UUID alice = bank.open("Alice", "alice@example.com");
        UUID bob = bank.open("Bob", "bob@example.com");
        bank.deposit(alice, new BigDecimal("100.00"));
        bank.deposit(bob, new BigDecimal("5.00"));
        settle(bank, bank.requestTransfer(alice, bob, new BigDecimal("10.00")));
        Map<Long, String> notifications = awaitDelivered(database);
        assertEquals(notifications, receivedDistinct(database), "each notification arrives with its id, aggregate and version");

        long position = awaitRelayed(database);
        try (Connection holder = connect(database)) {
            holder.setAutoCommit(false);
            holdTrackingAbove(holder, position);
            UUID transfer = bank.requestTransfer(alice, bob, new BigDecimal("1.00"));
            awaitRelayWaitingFor(holder);
            assertEquals(0, receivedAbove(database, position), "nothing is delivered before the relay's commit");
            node.kill();
            holder.rollback();
            node.start(BOOT);
            settle(bank, transfer);
        }
        awaitDelivered(database);

        List<Received> received = received(database);
        Map<Long, String> expected = notifications(database);
        assertEquals(expected, receivedDistinct(database), "every notification arrives, with its own aggregate and version");
        assertInOrderPerAggregate(received);
        long duplicates = received.size() - expected.size();
        System.out.printf("JMS relay on WildFly with embedded messaging: %d notifications relayed, SIGKILL between the send"
                + " and the commit of the relay's position, restart: %d messages received, %d duplicates (each with the id"
                + " of the notification it copies), %d redelivered%n", expected.size(), received.size(), duplicates,
                received.stream().filter(Received::redelivered).count());
        node.stop();
    }

    /** A message as the consumer recorded it, in the order received. */
    private record Received(long notificationId, String originator, long version, boolean redelivered) {
    }

    private WildFlyNode provision(ClusterDatabase database) throws Exception {
        Path built = Path.of(System.getProperty("bank.war", "target/bank.war")).toAbsolutePath();
        Path folder = built.resolveSibling("relay");
        // The file's name is the context root: bank.war, in two folders.
        Path plain = ClusterWar.withDatabaseUrl(built, database.url(), folder.resolve("plain").resolve("bank.war"));
        Path war = folder.resolve("bank.war");
        ShrinkWrap.createFromZipFile(WebArchive.class, plain.toFile()).addClass(RelayConsumer.class)
                .as(ZipExporter.class).exportTo(war.toFile(), true);
        Path properties = folder.resolve("relay.properties");
        Files.writeString(properties, Files.readString(TestUser.propertiesFile())
                + "\neventsourcing.relay.Bank.destination=java:/jms/queue/bank\n");
        return WildFlyNode.provision("relay", Path.of(System.getProperty("jboss.home")), folder.resolve("node"),
                PORT_OFFSET, war, new WildFlyNode.Probe("bank/api/statistics",
                        Optional.of(TestUser.AUDITOR.basicAuthorization())), Optional.of(properties))
                .serverConfig("standalone-full.xml");
    }

    private static void settle(HttpBank bank, UUID transfer) throws InterruptedException {
        awaitTrue(() -> !"REQUESTED".equals(bank.outcome(transfer)), "transfer " + transfer + " settled");
    }

    /**
     * Inserts, without committing, the relay's tracking rows from {@code position + 2}: the relay
     * claims {@code position + 1} at the start of its transaction, and waits on the key of the
     * last notification of its batch when it records it after sending.
     */
    private static void holdTrackingAbove(Connection holder, long position) throws SQLException {
        try (PreparedStatement insert = holder.prepareStatement("INSERT INTO es_tracking (application_name,"
                + " upstream_application_name, notification_id) VALUES (?, ?, ?)")) {
            for (long id = position + 2; id <= position + HELD; id++) {
                insert.setString(1, RELAY);
                insert.setString(2, LOG);
                insert.setLong(3, id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Waits until a session of the server waits for the holder's transaction on a tracking insert. */
    private static void awaitRelayWaitingFor(Connection holder) throws Exception {
        int holderPid;
        try (Statement statement = holder.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            holderPid = row.getInt(1);
        }
        String blocked = "SELECT COUNT(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))"
                + " AND query ILIKE '%es_tracking%'";
        try (Connection watcher = DriverManager.getConnection(holder.getMetaData().getURL(),
                holder.getMetaData().getUserName(), System.getProperty("bank.db.password", ""))) {
            awaitTrue(() -> {
                try (PreparedStatement select = watcher.prepareStatement(blocked)) {
                    select.setInt(1, holderPid);
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        return row.getLong(1) > 0;
                    }
                }
            }, "the relay waiting for the test's tracking rows");
        }
    }

    private static long awaitRelayed(ClusterDatabase database) throws Exception {
        long last = database.lastNotificationId(LOG);
        awaitTrue(() -> relayPosition(database) >= last, "the relay at position " + last);
        return last;
    }

    private static long relayPosition(ClusterDatabase database) throws SQLException {
        return single(database, "SELECT COALESCE(MAX(notification_id), 0) FROM es_tracking WHERE application_name = '"
                + RELAY + "' AND upstream_application_name = '" + LOG + "'");
    }

    private static long receivedAbove(ClusterDatabase database, long position) throws SQLException {
        return single(database, "SELECT COUNT(*) FROM " + RelayConsumer.TABLE + " WHERE notification_id > " + position);
    }

    /** Waits until the consumer has received every notification of the bank's log, and returns them. */
    private static Map<Long, String> awaitDelivered(ClusterDatabase database) throws Exception {
        awaitTrue(() -> receivedDistinct(database).keySet().containsAll(notifications(database).keySet())
                && relayPosition(database) >= database.lastNotificationId(LOG), "every notification received");
        return notifications(database);
    }

    /** The bank's notifications: id to "originator/version". */
    private static Map<Long, String> notifications(ClusterDatabase database) throws SQLException {
        return pairs(database, "SELECT notification_id, originator_id || '/' || originator_version FROM es_events"
                + " WHERE application_name = '" + LOG + "' AND notification_id IS NOT NULL ORDER BY notification_id");
    }

    /**
     * What the consumer received: id to "originator/version". A duplicate that carried another
     * notification's aggregate or version would make the map differ from the log's.
     */
    private static Map<Long, String> receivedDistinct(ClusterDatabase database) throws SQLException {
        return pairs(database, "SELECT DISTINCT notification_id, originator_id || '/' || originator_version FROM "
                + RelayConsumer.TABLE + " ORDER BY notification_id");
    }

    private static List<Received> received(ClusterDatabase database) throws SQLException {
        List<Received> received = new ArrayList<>();
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT notification_id, originator_id, originator_version,"
                     + " redelivered FROM " + RelayConsumer.TABLE + " ORDER BY seq")) {
            while (rows.next()) {
                received.add(new Received(rows.getLong(1), rows.getString(2), rows.getLong(3), rows.getBoolean(4)));
            }
        }
        return received;
    }

    /** Each aggregate's messages arrive in version order: a copy may repeat one, never go back past another. */
    private static void assertInOrderPerAggregate(List<Received> received) {
        Map<String, Long> highest = new LinkedHashMap<>();
        for (Received message : received) {
            long before = highest.getOrDefault(message.originator(), 0L);
            if (message.version() > before) {
                assertEquals(before + 1, message.version(), () -> "aggregate " + message.originator()
                        + " skipped from version " + before + " to " + message.version() + " in " + received);
                highest.put(message.originator(), message.version());
            }
        }
    }

    private static Map<Long, String> pairs(ClusterDatabase database, String sql) throws SQLException {
        Map<Long, String> pairs = new LinkedHashMap<>();
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String other = pairs.put(rows.getLong(1), rows.getString(2));
                assertEquals(null, other, "notification " + rows.getLong(1) + " received as two different events");
            }
        }
        return pairs;
    }

    private static long single(ClusterDatabase database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void execute(ClusterDatabase database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(ClusterDatabase database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Condition condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (Exception e) {
                last = e; // e.g. the server is still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Not reached within " + DELIVERY + ": " + what, last);
    }
}
