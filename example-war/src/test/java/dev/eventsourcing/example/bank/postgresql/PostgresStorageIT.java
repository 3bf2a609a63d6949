package dev.eventsourcing.example.bank.postgresql;

import dev.eventsourcing.example.bank.BankClient;
import dev.eventsourcing.example.bank.BankDeployment;
import dev.eventsourcing.example.bank.TestUser;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Run only with -Ppostgresql: proves that the WAR built for PostgreSQL keeps its events there,
 * and not in the container's default data source, by reading them back with plain JDBC.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PostgresStorageIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return BankDeployment.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void theEventsOfANewAccountAreStoredInPostgresql() throws SQLException {
        BankClient client = new BankClient(base, TestUser.TELLER);
        String id = client.open("Ursula", "ursula@example.com");
        client.post("accounts/" + id + "/deposits", "{\"amount\":\"3.00\"}");

        assertEquals(2, eventsOf(UUID.fromString(id)));
    }

    private static int eventsOf(UUID id) throws SQLException {
        String url = System.getProperty("bank.db.url");
        try (Connection connection = DriverManager.getConnection(url, System.getProperty("bank.db.user"),
                System.getProperty("bank.db.password", ""));
             PreparedStatement select = connection.prepareStatement(
                     "SELECT COUNT(*) FROM es_events WHERE application_name = 'Bank' AND originator_id = ?")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
