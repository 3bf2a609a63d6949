package dev.eventsourcing.example.bank.postgresql.cluster;

import dev.eventsourcing.example.bank.BankClient;
import dev.eventsourcing.example.bank.TestUser;
import dev.eventsourcing.example.scaleout.Samples;
import dev.eventsourcing.example.scaleout.ScaleOutDeployment;
import dev.eventsourcing.example.scaleout.SlowProjection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Up to three WildFly nodes (HTTP on 8380, 8480 and 8580) running the bank's WAR with the
 * scale-out test's additions on one fresh PostgreSQL database, with the {@link SlowProjection}
 * divided into the given number of segments. It makes the backlog of sample notifications and
 * reads what the projection handled; closing it kills every node still running.
 */
final class ScaleOutCluster implements AutoCloseable {

    /** Events (notifications) per sample of the backlog. */
    static final int EVENTS = 50;

    private static final Duration BOOT = Duration.ofSeconds(240);
    private static final int[] PORT_OFFSETS = {300, 400, 500};
    private static final int SAMPLES_PER_TRANSACTION = 20;

    private final ClusterDatabase database;
    private final HandledRows handled;
    private final List<WildFlyNode> nodes = new ArrayList<>();

    private ScaleOutCluster(ClusterDatabase database, List<WildFlyNode> nodes) {
        this.database = database;
        this.handled = new HandledRows(database);
        this.nodes.addAll(nodes);
    }

    /**
     * Creates the database afresh and provisions {@code count} nodes on it (none started).
     *
     * @param segments how many segments the projection is divided into
     * @param lease    how long a node's hold on a segment lasts without renewal
     */
    static ScaleOutCluster provision(String databaseName, int count, int segments, Duration lease) throws Exception {
        return provision(databaseName, count, segments, lease, SlowProjection.HANDLING_MILLIS);
    }

    /**
     * As {@link #provision(String, int, int, Duration)}, with the projection taking
     * {@code handlingMillis} per notification instead of its own time.
     */
    static ScaleOutCluster provision(String databaseName, int count, int segments, Duration lease, long handlingMillis)
            throws Exception {
        ClusterDatabase database = ClusterDatabase.fresh(databaseName);
        Path built = Path.of(System.getProperty("bank.war", "target/bank.war")).toAbsolutePath();
        Path folder = Files.createDirectories(built.resolveSibling("scaleout"));
        Path war = ClusterWar.withDatabaseUrl(built, database.url(), folder.resolve("bank.war"),
                ScaleOutDeployment::addTo);
        Path properties = nodeProperties(folder.resolve("node.properties"), segments, lease, handlingMillis);
        List<WildFlyNode> nodes = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            nodes.add(WildFlyNode.provision("node-" + number, Path.of(System.getProperty("jboss.home")),
                    folder.resolve("node-" + number), PORT_OFFSETS[number - 1], war,
                    // The landing page needs no password: a probe that hashes one (PBKDF2) every
                    // quarter second would itself slow the servers down on a busy machine.
                    new WildFlyNode.Probe("bank/", Optional.empty()),
                    Optional.of(properties)));
        }
        return new ScaleOutCluster(database, nodes);
    }

    // The test users, and the projection's segments and lease as system properties of the server,
    // which MicroProfile Config reads as it reads the WAR's own configuration; and its handling time.
    private static Path nodeProperties(Path file, int segments, Duration lease, long handlingMillis) throws IOException {
        String settings = Files.readString(TestUser.propertiesFile())
                + "\neventsourcing." + SlowProjection.NAME + ".projection.segments=" + segments
                + "\neventsourcing." + SlowProjection.NAME + ".projection.lease=" + lease.toMillis()
                + "\n" + SlowProjection.HANDLING_MILLIS_PROPERTY + "=" + handlingMillis + "\n";
        return Files.writeString(file, settings);
    }

    /** The node by number, from 1. */
    WildFlyNode node(int number) {
        return nodes.get(number - 1);
    }

    /** What the projection has handled. */
    HandledRows handled() {
        return handled;
    }

    /** Starts the nodes at the same time, as a cluster starts, and waits until each answers. */
    void startTogether(List<WildFlyNode> starting) {
        CompletableFuture.allOf(starting.stream().map(this::startLater).toArray(CompletableFuture[]::new)).join();
    }

    /** Starts the node in the background. */
    CompletableFuture<Void> startLater(WildFlyNode node) {
        return CompletableFuture.runAsync(() -> start(node));
    }

    /** Starts the node's server in the background, without its deployment (see {@link #join}). */
    CompletableFuture<Void> startWithoutDeploymentLater(WildFlyNode node) {
        return CompletableFuture.runAsync(() -> run(() -> node.startWithoutDeployment(BOOT), node));
    }

    /**
     * Deploys to a node started without its deployment, which so joins the cluster; waits until
     * it answers.
     *
     * @return how many notifications were handled when it answered
     */
    long join(WildFlyNode node) {
        run(() -> node.deploy(BOOT), node);
        try {
            return handled.distinctHandled();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count what was handled", e);
        }
    }

    /**
     * Makes the backlog through the node: that many samples of {@value #EVENTS} events,
     * {@value #SAMPLES_PER_TRANSACTION} samples per transaction.
     */
    void makeBacklog(WildFlyNode through, int samples) throws Exception {
        long notifications = (long) samples * EVENTS;
        BankClient client = new BankClient(new URL(through.baseUri().resolve("bank/").toString()), TestUser.TELLER);
        BankClient.Reply reply = client.post("scaleout/backlog?samples=" + samples + "&events=" + EVENTS + "&batch="
                + SAMPLES_PER_TRANSACTION, "{}");
        if (reply.status() != 200 || reply.body().get("notifications").asLong() != notifications) {
            throw new IllegalStateException("The backlog was not made: " + reply);
        }
        long recorded = database.lastNotificationId(Samples.NAME);
        if (recorded != notifications) {
            throw new IllegalStateException("The backlog's last notification id is " + recorded + ", expected "
                    + notifications);
        }
    }

    /**
     * Waits until the condition holds, checking twice a second.
     *
     * @throws IllegalStateException naming what was awaited when it does not hold within the timeout
     */
    static void await(String what, Duration timeout, Check condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out after " + timeout + " waiting until " + what);
            }
            Thread.sleep(500);
        }
    }

    /** A condition that may read the database. */
    interface Check {
        /** Whether it holds now. */
        boolean holds() throws Exception;
    }

    /** The lines of the node's server.log at level ERROR. */
    static List<String> errors(WildFlyNode node) throws IOException {
        if (!Files.exists(node.serverLog())) {
            return List.of();
        }
        return Files.readAllLines(node.serverLog()).stream().filter(line -> line.contains(" ERROR [")).toList();
    }

    @Override
    public void close() throws InterruptedException {
        for (WildFlyNode node : nodes) {
            node.close();
        }
    }

    private static void start(WildFlyNode node) {
        run(() -> node.start(BOOT), node);
    }

    private interface Step {
        void run() throws IOException, InterruptedException;
    }

    private static void run(Step step, WildFlyNode node) {
        try {
            step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting " + node.name(), e);
        }
    }
}
