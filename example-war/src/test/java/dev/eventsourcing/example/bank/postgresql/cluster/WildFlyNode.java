package dev.eventsourcing.example.bank.postgresql.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One WildFly server run as an operating-system process of its own, as a node of a cluster
 * would run: started from an unpacked distribution on a base directory of its own (its
 * configuration, deployments, data and logs), stopped gracefully, or killed with SIGKILL and
 * started again on the same base directory. Its standard output and error go to
 * {@code log/console.log} in the base directory, beside the server's own {@code log/server.log}.
 *
 * <p>The process never outlives the JVM that started it: {@link #close()} kills it, and a
 * shutdown hook does the same if the JVM ends first. A server left over by a JVM that was itself
 * killed is found by the process id recorded in the base directory and killed before the next
 * start, so it cannot answer in place of the new one.
 */
public final class WildFlyNode implements AutoCloseable {

    private static final int HTTP_PORT = 8080;
    private static final int MANAGEMENT_PORT = 9990;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Path home;
    private final Path base;
    private final NodeLayout layout;
    private final int portOffset;
    private final Probe readiness;
    private final Optional<Path> systemProperties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread killAtExit = new Thread(this::killQuietly, "kill-wildfly-node-at-exit");
    private String serverConfig = "standalone.xml";
    private Process process;

    private WildFlyNode(String name, Path home, Path base, int portOffset, Probe readiness,
                        Optional<Path> systemProperties) {
        this.name = name;
        this.home = home;
        this.base = base;
        this.layout = new NodeLayout(base);
        this.portOffset = portOffset;
        this.readiness = readiness;
        this.systemProperties = systemProperties;
    }

    /**
     * A request that answers 200 once the deployment is up.
     *
     * @param path          below the server's root URL, e.g. {@code bank/api/statistics}
     * @param authorization the value of the request's {@code Authorization} header, if it needs one
     */
    public record Probe(String path, Optional<String> authorization) {
    }

    /**
     * Lays out a fresh base directory for a node: the distribution's standalone configuration
     * (without deployments recorded in it), the given WAR in its {@code deployments} folder, and
     * nothing else. Whatever was in the directory before is deleted.
     *
     * @param name          the node's name, also its transaction node identifier
     * @param home          the unpacked WildFly distribution
     * @param base          the node's base directory
     * @param portOffset    added to every port of the server (HTTP is 8080 plus it)
     * @param war           the deployment, copied under its own file name
     * @param readiness        the request that answers 200 once the deployment is up
     * @param systemProperties a properties file whose entries the server takes as system
     *                         properties (as {@code standalone.sh --properties} does), if any
     * @throws IllegalArgumentException when the distribution, the WAR or the properties file is missing
     */
    public static WildFlyNode provision(String name, Path home, Path base, int portOffset, Path war,
                                        Probe readiness, Optional<Path> systemProperties) throws IOException {
        if (!Files.isRegularFile(home.resolve("jboss-modules.jar"))) {
            throw new IllegalArgumentException("No WildFly distribution at " + home + " (jboss-modules.jar is missing)");
        }
        if (!Files.isRegularFile(war)) {
            throw new IllegalArgumentException("No deployment at " + war);
        }
        if (systemProperties.isPresent() && !Files.isRegularFile(systemProperties.get())) {
            throw new IllegalArgumentException("No system properties file at " + systemProperties.get());
        }
        WildFlyNode node = new WildFlyNode(name, home, base, portOffset, readiness, systemProperties);
        node.layout.killLeftover();
        node.layout.prepare(home, war);
        return node;
    }

    /**
     * Makes the server start with another configuration file of its base directory than
     * {@code standalone.xml}, from its next start on.
     *
     * @param file a file name in the distribution's {@code standalone/configuration}, e.g.
     *             {@code standalone-full.xml} for messaging
     * @return this node
     */
    public WildFlyNode serverConfig(String file) {
        this.serverConfig = file;
        return this;
    }

    /** The node's name. */
    public String name() {
        return name;
    }

    /** The server's root URL, {@code http://127.0.0.1:<8080 + offset>/}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + (HTTP_PORT + portOffset) + "/");
    }

    /** Whether the server process is running. */
    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Starts the server on its base directory and waits until the deployment answers.
     *
     * @throws IllegalStateException when it is running already, when one of its ports is taken,
     *                               or when the server exits, its deployment fails or it does not
     *                               answer within the timeout (the message quotes its log)
     */
    public void start(Duration timeout) throws IOException, InterruptedException {
        launch();
        awaitDeployment(timeout);
    }

    /**
     * Starts the server with its deployment held back, and waits until the server answers on
     * its HTTP port; {@link #deploy} adds the deployment later. So a server that is up joins
     * the cluster within the few seconds a deployment takes, rather than the time a boot takes.
     *
     * @throws IllegalStateException as {@link #start} does
     */
    public void startWithoutDeployment(Duration timeout) throws IOException, InterruptedException {
        layout.holdDeployment();
        launch();
        awaitAnswer(baseUri(), Optional.empty(), timeout);
    }

    /**
     * Hands the deployment held back by {@link #startWithoutDeployment} to the running server's
     * deployment scanner, and waits until it answers.
     *
     * @throws IllegalStateException when the deployment fails or does not answer within the timeout
     */
    public void deploy(Duration timeout) throws IOException, InterruptedException {
        requireRunning();
        layout.releaseDeployment();
        awaitDeployment(timeout);
    }

    private void launch() throws IOException {
        if (isRunning()) {
            throw new IllegalStateException("Node " + name + " is running already");
        }
        layout.killLeftover();
        requireFree(HTTP_PORT + portOffset);
        requireFree(MANAGEMENT_PORT + portOffset);
        Files.writeString(layout.consoleLog(), "==== starting " + name + " ====\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        process = new ProcessBuilder(command())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.consoleLog().toFile()))
                .start();
        layout.recordPid(process.pid());
        Runtime.getRuntime().addShutdownHook(killAtExit);
    }

    /** Kills the server at once with SIGKILL, as a crash or an operator's {@code kill -9} would. */
    public void kill() throws InterruptedException {
        requireRunning();
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Node " + name + " (pid " + process.pid() + ") survived SIGKILL for 30 s");
        }
        ended();
    }

    /**
     * Stops the server gracefully (SIGTERM, on which WildFly shuts down in order), killing it
     * if it has not stopped within a minute.
     */
    public void stop() throws InterruptedException {
        requireRunning();
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            ended();
            throw new IllegalStateException("Node " + name + " did not stop within " + STOP_TIMEOUT
                    + " and was killed; log tail:\n" + logTail());
        }
        ended();
    }

    /**
     * Runs one management operation on the server with the distribution's command-line client,
     * which authenticates as the local user.
     *
     * @param operation the operation, e.g. {@code :suspend}
     * @throws IllegalStateException when the operation does not succeed within a minute
     */
    public void manage(String operation) throws IOException, InterruptedException {
        requireRunning();
        // The output goes to a file, read after the wait: reading the pipe first would block for
        // as long as a hung client, and the wait's limit would never apply.
        Path output = Files.createTempFile("jboss-cli-", ".out");
        try {
            Process cli = new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(), "--connect",
                    "--controller=127.0.0.1:" + (MANAGEMENT_PORT + portOffset), "--command=" + operation)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean ended = cli.waitFor(60, TimeUnit.SECONDS);
            if (!ended) {
                cli.destroyForcibly();
            }
            String said = Files.readString(output, StandardCharsets.UTF_8);
            if (!ended || cli.exitValue() != 0 || !said.contains("\"outcome\" => \"success\"")) {
                throw new IllegalStateException("Operation " + operation + " on node " + name + " failed"
                        + (ended ? "" : " to end within a minute") + ":\n" + said);
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Kills the server if it is running. */
    @Override
    public void close() throws InterruptedException {
        if (isRunning()) {
            kill();
        }
    }

    /** The server's own log file, {@code log/server.log} in its base directory. */
    public Path serverLog() {
        return base.resolve("log/server.log");
    }

    /** The last lines of the server's console output (its whole log at INFO level). */
    public String logTail() {
        return layout.logTail();
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-Djava.net.preferIPv4Stack=true");
        command.add("-Djava.awt.headless=true");
        command.add("-Djboss.modules.system.pkgs=org.jboss.byteman");
        command.add("-Dorg.jboss.boot.log.file=" + base.resolve("log/server.log"));
        command.add("-Dlogging.configuration=" + base.resolve("configuration/logging.properties").toUri());
        command.addAll(ModularJdkOptions.LIST);
        command.addAll(List.of("-jar", home.resolve("jboss-modules.jar").toString(),
                "-mp", home.resolve("modules").toString(),
                "org.jboss.as.standalone",
                "-Djboss.home.dir=" + home,
                "-Djboss.server.base.dir=" + base,
                "--server-config=" + serverConfig,
                "-Djboss.socket.binding.port-offset=" + portOffset,
                // The node's name for the deployments, which may say which node did what.
                "-Djboss.node.name=" + name,
                // Nodes sharing one database must not share a transaction node identifier.
                "-Djboss.tx.node.id=" + name));
        systemProperties.ifPresent(file -> command.add("--properties=" + file.toUri()));
        return command;
    }

    private void awaitDeployment(Duration timeout) throws InterruptedException {
        awaitAnswer(baseUri().resolve(readiness.path()), readiness.authorization(), timeout);
    }

    private void awaitAnswer(URI probe, Optional<String> authorization, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                int exit = process.exitValue();
                ended();
                throw new IllegalStateException("Node " + name + " exited with status " + exit
                        + " while starting; log tail:\n" + logTail());
            }
            Optional<String> failure = layout.deploymentFailure();
            if (failure.isPresent()) {
                throw new IllegalStateException("Node " + name + " could not deploy: " + failure.get()
                        + "\nlog tail:\n" + logTail());
            }
            if (answers(probe, authorization)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Node " + name + " did not answer " + probe + " within " + timeout
                + "; log tail:\n" + logTail());
    }

    private boolean answers(URI probe, Optional<String> authorization) throws InterruptedException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).GET();
            authorization.ifPresent(value -> request.header("Authorization", value));
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private void requireRunning() {
        if (!isRunning()) {
            throw new IllegalStateException("Node " + name + " is not running");
        }
    }

    private void ended() {
        try {
            Runtime.getRuntime().removeShutdownHook(killAtExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: nothing to remove.
        }
        layout.clearPid();
    }

    private void killQuietly() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private void requireFree(int port) throws IOException {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            // Bound, so free: closing it hands the port back.
        } catch (IOException taken) {
            throw new IllegalStateException("Port " + port + " of node " + name + " (offset " + portOffset
                    + ") is in use by another process; stop it or choose another offset", taken);
        }
    }
}
