package dev.eventsourcing.jpa;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which database a unit runs on, told once for Java SE and containers alike. */
abstract class DatabaseDetectionTestCase {

    protected abstract TestDatabase database();

    @Test
    void aUnitWhoseSettingsNameNoDatabaseIsRecognisedByItsOwnConnection() {
        DatabaseStrategy found = JpaInfrastructureFactory.database(Settings.empty(), database().transactions());

        assertEquals(DatabaseStrategy.named(database().kind().name()).toString(), found.toString());
    }

    @Test
    void theDatabaseSettingWins() {
        DatabaseStrategy found = JpaInfrastructureFactory.database(
                Settings.of(Map.of(JpaInfrastructureFactory.DATABASE, "postgresql-serialised")), database().transactions());

        assertEquals(DatabaseStrategy.postgresqlSerialised().toString(), found.toString());
    }

    @Test
    void anUnknownDatabaseNameIsRefusedNamingTheSetting() {
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> JpaInfrastructureFactory.database(
                Settings.of(Map.of(JpaInfrastructureFactory.DATABASE, "oracle")), database().transactions()));

        assertTrue(refused.getMessage().contains("Setting 'jpa.database'") && refused.getMessage().contains("oracle"),
                refused.getMessage());
    }

    @Test
    void aUnitIsRecognisedWithoutAnySettings() {
        assertEquals(database().strategy().schema(), DatabaseStrategy.detect(database().transactions()).schema());
    }

    @Test
    void aServerIsRecognisedWhenTheUnitDoesNotSayItsUrl() {
        assertEquals(database().kind().name().toLowerCase(Locale.ROOT), DatabaseDetection.askServer(database().transactions()));
    }
}
