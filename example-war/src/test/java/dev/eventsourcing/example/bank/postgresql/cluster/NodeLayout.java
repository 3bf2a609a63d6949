package dev.eventsourcing.example.bank.postgresql.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The base directory of a {@link WildFlyNode}: what {@code standalone/} of the distribution
 * holds for one server (configuration, deployments, data, logs), laid out afresh for each node
 * so that nodes share nothing on disk, plus the id of the server process while it runs.
 */
final class NodeLayout {

    private static final int LOG_TAIL_LINES = 60;
    // The console handler colours its lines; a failure message quotes them without.
    private static final Pattern ANSI_COLOUR = Pattern.compile("\u001B\\[[0-9;]*m");

    private final Path base;

    NodeLayout(Path base) {
        this.base = base;
    }

    /** The base directory. */
    Path base() {
        return base;
    }

    /** The file that takes the server's standard output and error. */
    Path consoleLog() {
        return base.resolve("log/console.log");
    }

    /**
     * Empties the base directory and fills it with the distribution's standalone configuration,
     * an empty log folder and a {@code deployments} folder holding the WAR.
     */
    void prepare(Path home, Path war) throws IOException {
        deleteRecursively(base);
        copyConfiguration(home.resolve("standalone/configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("log"));
        Path deployments = Files.createDirectories(base.resolve("deployments"));
        Files.copy(war, deployments.resolve(war.getFileName()));
    }

    /**
     * Moves the WAR out of the {@code deployments} folder, so that the server starts without it,
     * until {@link #releaseDeployment} moves it back.
     */
    void holdDeployment() throws IOException {
        Files.createDirectories(held());
        try (Stream<Path> files = Files.list(base.resolve("deployments"))) {
            for (Path war : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".war"))::iterator) {
                Files.move(war, held().resolve(war.getFileName()));
            }
        }
    }

    /** Moves the held WAR back into the {@code deployments} folder, where the server's scanner deploys it. */
    void releaseDeployment() throws IOException {
        try (Stream<Path> files = Files.list(held())) {
            for (Path war : (Iterable<Path>) files::iterator) {
                Files.move(war, base.resolve("deployments").resolve(war.getFileName()));
            }
        }
    }

    private Path held() {
        return base.resolve("held-deployments");
    }

    /** The last lines of the console log, without colours. */
    String logTail() {
        try {
            List<String> lines = Files.exists(consoleLog()) ? Files.readAllLines(consoleLog(), StandardCharsets.UTF_8) : List.of();
            String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
            return ANSI_COLOUR.matcher(tail).replaceAll("");
        } catch (IOException e) {
            return "(the log " + consoleLog() + " cannot be read: " + e + ")";
        }
    }

    /** The content of the deployment scanner's {@code .failed} marker, if there is one. */
    Optional<String> deploymentFailure() {
        try (Stream<Path> files = Files.list(base.resolve("deployments"))) {
            Optional<Path> marker = files.filter(f -> f.getFileName().toString().endsWith(".failed")).findFirst();
            return marker.isEmpty() ? Optional.empty() : Optional.of(Files.readString(marker.get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Notes the id of the server process that runs on this directory. */
    void recordPid(long pid) throws IOException {
        Files.writeString(pidFile(), Long.toString(pid));
    }

    /** Forgets the id of the server process, which has ended. */
    void clearPid() {
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Kills a server that an earlier JVM started on this directory and could not stop (because
     * it was killed itself). The process is recognised by the recorded id and by its command line
     * naming this directory, so no other process is ever touched.
     */
    void killLeftover() throws IOException {
        if (!Files.isRegularFile(pidFile())) {
            return;
        }
        long pid = Long.parseLong(Files.readString(pidFile()).strip());
        ProcessHandle.of(pid)
                .filter(p -> p.info().commandLine().orElse("").contains("-Djboss.server.base.dir=" + base))
                .ifPresent(leftover -> {
                    leftover.destroyForcibly();
                    leftover.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                });
        Files.delete(pidFile());
    }

    private Path pidFile() {
        return base.resolve("server.pid");
    }

    /** Copies the configuration files, leaving out their history and any deployment recorded in standalone.xml. */
    private static void copyConfiguration(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        // A deployment made through the management API (as Arquillian makes them) is recorded in
        // standalone.xml, with its content in the data folder, which a node does not get: a copy
        // taken while the test server has one deployed would fail to boot.
        Path config = to.resolve("standalone.xml");
        String xml = Files.readString(config);
        Files.writeString(config, xml.replaceAll("(?s)\\s*<deployments>.*?</deployments>", ""));
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
