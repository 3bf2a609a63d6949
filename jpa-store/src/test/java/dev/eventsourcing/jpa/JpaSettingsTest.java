package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The JPA settings: their defaults, and the values they refuse, each naming its key and value. */
class JpaSettingsTest {

    private static JpaSettings settings(String... keysAndValues) {
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return JpaSettings.of(Settings.of(values));
    }

    /** Transactions that fail the test when used: the settings alone must tell. */
    private static final JpaTransactions UNUSED = new JpaTransactions() {
        @Override
        public <T> T inTransaction(Function<EntityManager, T> work) {
            throw new AssertionError("the unit was asked");
        }

        @Override
        public boolean ownsTransactions() {
            return true;
        }
    };

    @Test
    void noSettingsAtAllGiveTheDefaults() {
        JpaSettings none = settings();

        assertEquals("eventsourcing", none.persistenceUnit());
        assertEquals(Optional.empty(), none.namedPersistenceUnit());
        assertEquals(Optional.empty(), none.jta());
        assertEquals(Optional.empty(), none.namedDatabase());
        assertTrue(none.createTables(), "tables are created unless told otherwise");
        assertEquals(Map.of(), none.connectionProperties());
        assertEquals(Duration.ofMillis(JpaSettings.DEFAULT_POLL_INTERVAL), none.pollInterval());
    }

    @Test
    void eachSettingIsReadTrimmed() {
        JpaSettings given = settings(JpaSettings.PERSISTENCE_UNIT, " bank ", JpaSettings.TRANSACTIONS, " Resource-Local",
                JpaSettings.DATABASE, "MariaDB ", JpaSettings.CREATE_TABLES, "off");

        assertEquals("bank", given.persistenceUnit());
        assertEquals(Optional.of(false), given.jta());
        assertEquals("mariadb", given.namedDatabase().orElseThrow().toString());
        assertFalse(given.createTables());
        assertEquals(Duration.ofSeconds(10), settings(JpaSettings.POLL_INTERVAL, " 10000 ").pollInterval());
        assertEquals(Optional.of(true), settings(JpaSettings.TRANSACTIONS, "jta").jta());
    }

    @Test
    void aValueNotUnderstoodIsRefusedNamingItsKeyAndTheValue() {
        assertRefused("jpa.transactions", "xa", () -> settings(JpaSettings.TRANSACTIONS, "xa").jta());
        assertRefused("jpa.database", "oracle", () -> settings(JpaSettings.DATABASE, "oracle").namedDatabase());
        assertRefused("jpa.create-tables", "sometimes", () -> settings(JpaSettings.CREATE_TABLES, "sometimes").createTables());
        assertRefused("jpa.persistence-unit", "no-such-unit",
                () -> settings(JpaSettings.PERSISTENCE_UNIT, "no-such-unit").openUnit());
        assertRefused("jpa.poll-interval", "0", () -> settings(JpaSettings.POLL_INTERVAL, "0").pollInterval());
        assertRefused("jpa.poll-interval", "soon", () -> settings(JpaSettings.POLL_INTERVAL, "soon").pollInterval());
    }

    private static void assertRefused(String key, String value, Executable reading) {
        var refused = assertThrows(ConfigurationException.class, reading);
        assertTrue(refused.getMessage().contains("'" + key + "'") && refused.getMessage().contains(value), refused.getMessage());
    }

    @Test
    void aUserWithoutAPasswordConnectsWithAnEmptyOneNotWithTheUnits() {
        assertEquals(Map.of("jakarta.persistence.jdbc.user", "reader", "jakarta.persistence.jdbc.password", ""),
                settings(JpaSettings.USER, " reader ").connectionProperties());
        assertEquals(Map.of("jakarta.persistence.jdbc.url", "jdbc:h2:mem:x", "jakarta.persistence.jdbc.password", "secret "),
                settings(JpaSettings.URL, " jdbc:h2:mem:x", JpaSettings.PASSWORD, "secret ").connectionProperties());
    }

    @Test
    void theDatabaseIsToldFromTheSettingsBeforeTheUnitIsAsked() {
        assertEquals("postgresql-serialised",
                settings(JpaSettings.DATABASE, "postgresql-serialised", JpaSettings.URL, "jdbc:h2:mem:x").database(UNUSED).toString());
        assertEquals("mariadb", settings(JpaSettings.URL, "jdbc:mariadb://db/bank").database(UNUSED).toString());
    }

    @Test
    void theUnitOpensWithTheConnectionTheSettingsGive() {
        EntityManagerFactory unit = settings(JpaSettings.PERSISTENCE_UNIT, TestDatabase.HIBERNATE,
                JpaSettings.URL, "jdbc:h2:mem:settings-test;DB_CLOSE_DELAY=-1", JpaSettings.USER, "sa").openUnit();
        try {
            var transactions = JpaTransactions.resourceLocal(unit);

            assertEquals("h2", DatabaseStrategy.detect(transactions).toString());
            assertEquals(1, ((Number) transactions.inTransaction(em -> em.createNativeQuery("SELECT 1").getSingleResult())).intValue());
        } finally {
            unit.close();
        }
    }
}
