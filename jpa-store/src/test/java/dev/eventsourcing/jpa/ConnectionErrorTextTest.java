package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.EventSourcingException;
import dev.eventsourcing.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A store that cannot connect says so, naming the unit, the URL and the SQLState, but never the
 * password: neither the one set with {@value JpaSettings#PASSWORD} nor one written into the URL.
 */
class ConnectionErrorTextTest {

    // Registered for what it decides: these tests need PostgreSQL and MariaDB servers.
    @RegisterExtension
    static final TestDatabase POSTGRESQL = TestDatabase.postgresql();
    @RegisterExtension
    static final TestDatabase MARIADB = TestDatabase.mariadb();

    private static final String SECRET = ErrorTextTestCase.SECRET;

    private static EventSourcingException opening(String url, String user, String password) {
        Settings settings = Settings.of(Map.of(
                Settings.PERSISTENCE_MODULE, "jpa",
                JpaSettings.PERSISTENCE_UNIT, TestDatabase.HIBERNATE,
                JpaSettings.URL, url,
                JpaSettings.USER, user,
                JpaSettings.PASSWORD, password));
        return assertThrows(EventSourcingException.class,
                () -> JpaInfrastructureFactory.fromSettings(TestDatabase.uniqueName("connecting"), settings).close());
    }

    @Test
    void aWrongPasswordIsNotRepeated() {
        var error = opening("jdbc:mariadb://127.0.0.1:3306/test", "root", SECRET + "-password");

        assertSays(error, "SQLState 28000", "jdbc:mariadb://127.0.0.1:3306/test");
    }

    @Test
    void aPasswordInTheUrlIsNotRepeatedWhenTheDatabaseIsMissing() {
        var error = opening("jdbc:postgresql://127.0.0.1:5432/es_no_such_database?user=postgres&password=" + SECRET,
                "postgres", SECRET + "-password");

        assertSays(error, "SQLState 3D000", "jdbc:postgresql://127.0.0.1:5432/es_no_such_database?user=postgres&password=***");
    }

    @Test
    void aPasswordInAUrlTheDriverCannotReadIsNotRepeated() {
        var error = opening("jdbc:mariadb://root:" + SECRET + "@127.0.0.1:3306/test?password=" + SECRET,
                "root", SECRET + "-password");

        assertSays(error, "jdbc:mariadb://root:***@127.0.0.1:3306/test?password=***", "without SQLState");
        for (Throwable t = error.getCause(); t != null; t = t.getCause()) {
            assertTrue(!String.valueOf(t.getMessage()).contains(SECRET), "the causes are redacted too: " + t);
        }
    }

    private static void assertSays(EventSourcingException error, String... expected) {
        for (String part : expected) {
            assertTrue(error.getMessage().contains(part), "says " + part + ": " + error.getMessage());
        }
        for (String own : ErrorTextTestCase.ownMessages(error)) {
            assertTrue(!own.contains(SECRET), "no password in: " + own);
        }
    }
}
