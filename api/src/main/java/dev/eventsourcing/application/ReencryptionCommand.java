package dev.eventsourcing.application;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.persistence.RecorderException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Runs a {@link Reencryption} of one application from the command line, with the application's
 * settings read from a properties file (else from the JVM's system properties):
 * <pre>{@code
 * java -cp <the application's class path> dev.eventsourcing.application.ReencryptionCommand \
 *     Bank bank.properties [--prefix=eventsourcing.] [--batch-size=100]
 * }</pre>
 * The settings are those the application runs with ({@code persistence.module}, the store's
 * connection, {@code cipher.keys}, ...), keys prefixed with the application's name first; with
 * {@code --prefix} only the keys under that prefix are read, so that a container's
 * {@code microprofile-config.properties} serves as it is. It prints what it did and exits with 0
 * when every state is encrypted with the current key, 1 when some could not be (their events
 * are listed), 2 on a usage or configuration error, and 3 when the store failed (run it again).
 */
public final class ReencryptionCommand {

    static final String USAGE = "Usage: ReencryptionCommand <application name> [<settings file>]"
            + " [--prefix=<key prefix>] [--batch-size=<n>]";

    private ReencryptionCommand() {
    }

    /**
     * Runs the command and exits the JVM with its status.
     *
     * @param args the application name, the settings file if any, and the options
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command without exiting the JVM.
     *
     * @param args the application name, the settings file if any, and the options
     * @param out where the report goes
     * @param err where usage, configuration and store errors go
     * @return the exit status: 0 when complete, 1 when some states failed, 2 on a usage or
     *         configuration error, 3 when the store failed
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String name = null;
        Path file = null;
        String prefix = "";
        int batchSize = Reencryption.DEFAULT_BATCH_SIZE;
        try {
            for (String arg : args) {
                if (arg.startsWith("--prefix=")) {
                    prefix = arg.substring("--prefix=".length());
                } else if (arg.startsWith("--batch-size=")) {
                    batchSize = Integer.parseInt(arg.substring("--batch-size=".length()));
                } else if (arg.startsWith("--") || name != null && file != null) {
                    throw new IllegalArgumentException("Unknown argument '" + arg + "'");
                } else if (name == null) {
                    name = arg;
                } else {
                    file = Path.of(arg);
                }
            }
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("No application name");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + USAGE);
            return 2;
        }
        try (Application application = new Application(name, settings(file, prefix))) {
            Reencryption.Report report = Reencryption.of(application, batchSize).run();
            out.println("Application '" + name + "': " + report);
            report.firstFailures().forEach(failure -> out.println("  " + failure));
            return report.complete() ? 0 : 1;
        } catch (ConfigurationException | IllegalArgumentException e) {
            err.println("Cannot re-encrypt application '" + name + "': " + e.getMessage());
            return 2;
        } catch (RecorderException e) {
            err.println("The store failed while re-encrypting application '" + name + "' (what was written stays"
                    + " written; run the command again): " + e.getMessage());
            return 3;
        }
    }

    private static Settings settings(Path file, String prefix) {
        Settings settings = file == null ? Settings.systemProperties() : Settings.of(read(file));
        return prefix.isEmpty() ? settings : key -> settings.get(prefix + key);
    }

    private static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read the settings file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        return values;
    }
}
