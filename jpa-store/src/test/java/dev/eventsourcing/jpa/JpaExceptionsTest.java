package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.eventsourcing.persistence.DataException;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.OperationalException;
import dev.eventsourcing.persistence.ProgrammingException;
import dev.eventsourcing.persistence.RecorderException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TransactionRequiredException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JpaExceptionsTest {

    private static RecorderException translate(String sqlState, int vendorCode) {
        var wrapped = new PersistenceException("provider", new SQLException("driver", sqlState, vendorCode));
        return JpaExceptions.translate(wrapped, "Testing");
    }

    @ParameterizedTest(name = "SQLState {0} (code {1}) is {2}")
    @CsvSource({
            "23505, 0, IntegrityException",
            "23000, 1062, IntegrityException",
            "08006, 0, OperationalException",
            "40001, 1213, OperationalException",
            "40P01, 0, OperationalException",
            "57014, 0, OperationalException",
            "55P03, 0, OperationalException",
            "HYT00, 50200, OperationalException",
            "HY000, 1205, OperationalException",
            "90067, 90067, OperationalException",
            "90131, 90131, OperationalException",
            "22001, 0, DataException",
            "22P02, 0, DataException",
            "42P01, 0, ProgrammingException",
            "42S02, 1146, ProgrammingException",
            "25000, 0, ProgrammingException",
            "XX000, 0, RecorderException",
    })
    void sqlStatesMapToTheRecorderExceptionTree(String sqlState, int vendorCode, String expected) {
        RecorderException translated = translate(sqlState, vendorCode);

        assertEquals(expected, translated.getClass().getSimpleName());
        assertEquals(PersistenceException.class, translated.getCause().getClass(), "the provider's exception is the cause");
    }

    @Test
    void theDriversTextIsNotRepeatedButTheSqlStateAndConstraintAre() {
        var driver = new SQLException("Duplicate entry 'bank-s3cr3t' for key 'es_events_originator_uk';"
                + " SQL statement: insert into es_events values ('s3cr3t')", "23000", 1062);

        var translated = JpaExceptions.translate(new PersistenceException("could not execute [insert into es_events]", driver),
                "Inserting 1 events into bank");

        assertEquals("Inserting 1 events into bank failed: an integrity constraint is violated"
                + " (SQLState 23000, vendor code 1062, constraint es_events_originator_uk)", translated.getMessage());
    }

    @Test
    void aFailureWithoutAnSqlExceptionIsToldByItsType() {
        var translated = JpaExceptions.translate(new LockTimeoutException("select * from es_events where state = 's3cr3t'"),
                "Selecting notifications of bank");

        assertEquals("Selecting notifications of bank failed: LockTimeoutException", translated.getMessage());
    }

    @Test
    void theRealErrorOfABatchIsFoundAsItsNextException() {
        var batch = new BatchUpdateException("batch entry 1 aborted", null, 0, new int[0]);
        batch.setNextException(new SQLException("duplicate key", "23505"));

        var translated = JpaExceptions.translate(new PersistenceException(batch), "Testing");

        assertEquals(IntegrityException.class, translated.getClass());
    }

    @Test
    void jpaExceptionsWithoutASqlStateMapByType() {
        assertEquals(OperationalException.class, JpaExceptions.translate(new LockTimeoutException("t"), "Testing").getClass());
        assertEquals(ProgrammingException.class,
                JpaExceptions.translate(new TransactionRequiredException("t"), "Testing").getClass());
        assertEquals(RecorderException.class, JpaExceptions.translate(new PersistenceException("t"), "Testing").getClass());
    }

    @Test
    void aRecorderExceptionPassesUnchanged() {
        var integrity = new IntegrityException("taken");

        assertSame(integrity, JpaExceptions.translate(integrity, "Testing"));
        assertEquals(DataException.class, translate("22003", 0).getClass());
    }
}
