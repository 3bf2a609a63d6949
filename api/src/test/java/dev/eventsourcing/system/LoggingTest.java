package dev.eventsourcing.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.system.fixtures.Bank;
import dev.eventsourcing.system.fixtures.LogCapture;
import dev.eventsourcing.system.fixtures.RecordingProjection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A failing reader logs a streak once, not a stack trace per retry. */
class LoggingTest {

    private LogCapture logs;
    private MultiThreadedRunner runner;

    @BeforeEach
    void capture() {
        logs = new LogCapture("dev.eventsourcing.system");
    }

    @AfterEach
    void stop() {
        runner.stop();
        logs.close();
    }

    private Bank start(RecordingProjection projection, String attempts) {
        runner = MultiThreadedRunner.builder().system(ApplicationSystem.builder().add(Bank.class).build())
                .settings(Settings.of(Map.of("projection.attempts", attempts, "projection.retry-delay", "1")))
                .projection(projection, "Bank").synchronous().build();
        runner.start();
        return runner.get(Bank.class);
    }

    @Test
    void aRetryingReaderLogsOneWarningWhenItStartsFailingAndOneInfoWhenItRecovers() {
        AtomicInteger failures = new AtomicInteger(5);
        Bank bank = start(new RecordingProjection("balances").refusing(n -> failures.getAndDecrement() > 0), "10");
        bank.open(10);
        for (int i = 0; i < 5; i++) {
            runner.catchUp();
        }

        LogRecord warning = logs.at(Level.WARNING).get(0);
        assertEquals(1, logs.at(Level.WARNING).size());
        assertNotNull(warning.getThrown(), "the stack trace, once");
        assertEquals(1, logs.at(Level.INFO).size());
        assertTrue(logs.at(Level.INFO).get(0).getMessage().contains("again after 5 failed attempt(s)"));
        assertEquals(4, logs.at(Level.FINE).stream().filter(r -> r.getMessage().contains("failed on")).count());
    }

    @Test
    void parkingLogsOneWarningPerParkedNotificationAndThoseParkedBehindItAtFine() {
        Bank bank = start(new RecordingProjection("balances").refusing(n -> n.id() == 1), "1");
        UUID account = bank.open(10);
        for (int i = 0; i < 3; i++) {
            bank.credit(account, 1);
        }

        assertEquals(1, logs.at(Level.WARNING).size());
        assertNotNull(logs.at(Level.WARNING).get(0).getThrown(), "nothing logged its stack trace before");
        assertEquals(3, logs.at(Level.FINE).stream().filter(r -> r.getMessage().contains("behind")).count());
    }

    @Test
    void aNotificationParkedAfterSeveralAttemptsIsLoggedWhenItStartsFailingAndWhenItIsParked() {
        Bank bank = start(new RecordingProjection("balances").refusing(n -> n.id() == 1), "3");
        bank.open(10);
        runner.catchUp();
        runner.catchUp();

        assertEquals(2, logs.at(Level.WARNING).size());
        assertNotNull(logs.at(Level.WARNING).get(0).getThrown());
        assertNull(logs.at(Level.WARNING).get(1).getThrown(), "the stack trace was logged when it started failing");
        assertTrue(logs.at(Level.WARNING).get(1).getMessage().contains("parked notification 1"));
    }
}
