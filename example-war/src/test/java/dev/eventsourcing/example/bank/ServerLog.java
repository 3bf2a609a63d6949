package dev.eventsourcing.example.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The log file of the server the tests run on, so that a test can assert that nothing it did
 * was logged as an error: WildFly's {@code server.log} (level {@code ERROR}), or the file Payara
 * Micro is told to log to (level {@code SEVERE}).
 */
public final class ServerLog {

    private final Path file;
    private final Predicate<String> isError;

    private ServerLog(Path file, Predicate<String> isError) {
        this.file = Objects.requireNonNull(file, "file");
        this.isError = isError;
    }

    /** The log of the server chosen by the system property {@code arquillian.launch}. */
    public static ServerLog ofTestServer() {
        if ("wildfly".equals(System.getProperty("arquillian.launch"))) {
            return new ServerLog(Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log"),
                    line -> line.contains(" ERROR ["));
        }
        return new ServerLog(Path.of(System.getProperty("payara.log")), line -> line.contains("[SEVERE]"));
    }

    /** @return the place in the log reached now */
    public Mark mark() {
        return new Mark(lines().size());
    }

    /** A place in the log, from which the lines written later are read. */
    public final class Mark {

        private final int lines;

        private Mark(int lines) {
            this.lines = lines;
        }

        /** @return the error lines written since this mark */
        public List<String> errorsSince() {
            List<String> all = lines();
            return all.subList(Math.min(lines, all.size()), all.size()).stream().filter(isError).toList();
        }
    }

    private List<String> lines() {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
