package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.persistence.OperationalException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** MariaDB's schema lock gives up with a clear error when another connection keeps it too long. */
class MariaDbSchemaLockTest {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariadb();

    @Test
    void aSchemaLockHeldElsewhereForTheWholeTimeoutFailsNamingTheLock() throws Exception {
        try (Connection other = DATABASE.connection(); Statement statement = other.createStatement()) {
            try (ResultSet taken = statement.executeQuery("SELECT GET_LOCK(" + DatabaseSchema.MARIADB_LOCK_NAME + ", 0)")) {
                assertTrue(taken.next());
                assertEquals(1, taken.getInt(1), "another connection holds the schema lock");
            }

            var error = assertThrows(OperationalException.class, () -> DATABASE.transactions().inTransaction(em -> {
                DatabaseSchema.lockMariaDb(em, 1);
                return null;
            }));

            String name = "eventsourcing.schema." + other.getCatalog();
            assertTrue(error.getMessage().startsWith("Could not take the lock '" + name + "' within 1 s"), error.getMessage());
        }
    }
}
