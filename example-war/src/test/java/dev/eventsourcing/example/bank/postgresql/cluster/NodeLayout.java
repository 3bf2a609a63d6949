package dev.eventsourcing.example.bank.postgresql.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The base directory of a {@link WildFlyNode}: what {@code standalone/} of the distribution
 * holds for one server, laid out afresh for each node so that nodes share nothing on disk.
 */
final class NodeLayout {

    private NodeLayout() {
    }

    /**
     * Empties {@code base} and fills it with the distribution's standalone configuration, an
     * empty log folder and a {@code deployments} folder holding the WAR.
     */
    static void prepare(Path home, Path base, Path war) throws IOException {
        deleteRecursively(base);
        copyConfiguration(home.resolve("standalone/configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("log"));
        Path deployments = Files.createDirectories(base.resolve("deployments"));
        Files.copy(war, deployments.resolve(war.getFileName()));
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
