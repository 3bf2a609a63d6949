package dev.eventsourcing.jpa;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The records logged at WARN or above, from any thread, while a test runs. Register it with
 * {@code @RegisterExtension final LoggedProblems logged = new LoggedProblems()}.
 *
 * <p>It listens on the root logger of {@code java.util.logging}: where JBoss Logging, and so
 * Hibernate, writes when no other logging backend is on the class path (its WARN is
 * {@link Level#WARNING}, its ERROR is above it), and where EclipseLink writes in the test units
 * ({@code eclipselink.logging.logger=JavaLogger}).
 */
final class LoggedProblems implements BeforeEachCallback, AfterEachCallback {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Override
    public void beforeEach(ExtensionContext context) {
        records.clear();
        Logger.getLogger("").addHandler(handler);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Logger.getLogger("").removeHandler(handler);
    }

    /** Forgets what was logged so far, such as a provider's warnings while a unit starts. */
    void clear() {
        records.clear();
    }

    /** The problems logged so far, one line each: level, logger and message (the first 200 characters). */
    List<String> lines() {
        return records.stream().map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + abbreviated(r.getMessage())).toList();
    }

    /** Fails, saying how many problems were logged and showing the first few, unless there were none. */
    void assertNone() {
        List<String> lines = lines();
        if (!lines.isEmpty()) {
            throw new AssertionError(lines.size() + " records logged at WARN or above, the first: "
                    + String.join("\n  ", lines.subList(0, Math.min(3, lines.size()))));
        }
    }

    private static String abbreviated(String message) {
        return message == null || message.length() <= 200 ? message : message.substring(0, 200) + "…";
    }
}
