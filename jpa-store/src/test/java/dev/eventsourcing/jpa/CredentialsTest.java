package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Passwords are taken out of JDBC URLs and of the failures that repeat them. */
class CredentialsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://db:5432/bank?user=app&password=p4ss|jdbc:postgresql://db:5432/bank?user=app&password=***",
            "jdbc:postgresql://db/bank?sslpassword=p4ss&ssl=true|jdbc:postgresql://db/bank?sslpassword=***&ssl=true",
            "jdbc:mariadb://app:p4ss@db:3306/bank|jdbc:mariadb://app:***@db:3306/bank",
            "jdbc:h2:mem:bank;USER=sa;PASSWORD=p4ss;LOCK_TIMEOUT=10000|jdbc:h2:mem:bank;USER=sa;PASSWORD=***;LOCK_TIMEOUT=10000",
            "jdbc:mariadb://db/bank?trustStorePassword=p4ss|jdbc:mariadb://db/bank?trustStorePassword=***",
            "jdbc:postgresql://db:5432/bank?user=app|jdbc:postgresql://db:5432/bank?user=app",
    })
    void aUrlKeepsEverythingButItsPasswords(String url, String redacted) {
        assertEquals(redacted, Credentials.redact(url, Credentials.secrets(url, null)));
    }

    @Test
    void aKnownPasswordIsTakenOutWhereverItAppears() {
        List<String> secrets = Credentials.secrets("jdbc:mariadb://db/bank", "p4ss");

        assertEquals("Login of app with *** refused", Credentials.redact("Login of app with p4ss refused", secrets));
    }

    @Test
    void aFailureHoldingAPasswordIsReplacedByARedactedCopyOfItsChain() {
        var driver = new SQLException("No suitable driver found for jdbc:mariadb://app:p4ss@db/bank", "08001");
        var provider = new IllegalStateException("Unable to connect", driver);
        List<String> secrets = Credentials.secrets("jdbc:mariadb://app:p4ss@db/bank", null);

        Throwable safe = Credentials.safeCause(provider, secrets);

        assertInstanceOf(Credentials.Redacted.class, safe);
        assertEquals("java.lang.IllegalStateException: Unable to connect", safe.getMessage());
        assertEquals("java.sql.SQLException: No suitable driver found for jdbc:mariadb://app:***@db/bank",
                safe.getCause().getMessage());
        assertEquals(List.of(driver.getStackTrace()), List.of(safe.getCause().getStackTrace()));
    }

    @Test
    void aFailureWithoutSecretsStaysAsItIs() {
        var failure = new IllegalStateException("Unable to connect to db:5432");

        assertSame(failure, Credentials.safeCause(failure, List.of("p4ss")));
    }
}
