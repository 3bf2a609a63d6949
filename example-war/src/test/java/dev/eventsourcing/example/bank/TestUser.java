package dev.eventsourcing.example.bank;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A user of the bank's API as the integration tests know it: the name and the password whose
 * hash {@code src/test/config/test-users.properties} gives the servers under test.
 */
public record TestUser(String name, String password) {

    /** May work with accounts and transfers. */
    public static final TestUser TELLER = new TestUser("teller", "teller-in-tests");
    /** May read the notification log, the statistics and the parked notifications. */
    public static final TestUser AUDITOR = new TestUser("auditor", "auditor-in-tests");
    /** May retry and skip parked notifications. */
    public static final TestUser OPERATOR = new TestUser("operator", "operator-in-tests");

    /** The system properties file that names these users to a server (its path comes from the build). */
    public static Path propertiesFile() {
        return Path.of(System.getProperty("bank.users", "src/test/config/test-users.properties")).toAbsolutePath();
    }

    /** The value of an {@code Authorization} header that sends these credentials with HTTP Basic. */
    public String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The same user with another password. */
    public TestUser withPassword(String other) {
        return new TestUser(name, other);
    }

    @Override
    public String toString() {
        return name;
    }
}
