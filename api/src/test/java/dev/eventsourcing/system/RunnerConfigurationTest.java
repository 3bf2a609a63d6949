package dev.eventsourcing.system;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.projection.FailurePolicy;
import dev.eventsourcing.system.fixtures.Bank;
import dev.eventsourcing.system.fixtures.FilteredLog;
import dev.eventsourcing.system.fixtures.RecordingProjection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a runner refuses to be built with, and the settings it reads. */
class RunnerConfigurationTest {

    private static final ApplicationSystem BANK = ApplicationSystem.builder().add(Bank.class).build();

    @Test
    void aRunnerNeedsAnExecutorUnlessItIsSynchronous() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> MultiThreadedRunner.builder().system(BANK).build());
        assertTrue(missing.getMessage().contains("executor(ScheduledExecutorService)"), missing.getMessage());
    }

    @Test
    void aProjectionNamedLikeAnApplicationIsRefusedBecauseTheNameKeysTrackingRows() {
        Bank bank = new Bank(Settings.empty());
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> MultiThreadedRunner.builder()
                .application(bank).projection(new RecordingProjection("Bank"), "Bank").synchronous().build());
        assertTrue(refused.getMessage().contains("keys its tracking rows"), refused.getMessage());
    }

    @Test
    void aProjectionNamedLikeAnApplicationTheRunnerMakesIsRefusedAtStart() {
        MultiThreadedRunner runner = MultiThreadedRunner.builder().system(BANK)
                .projection(new RecordingProjection("Bank"), "Bank").synchronous().build();
        ConfigurationException refused = assertThrows(ConfigurationException.class, runner::start);
        assertTrue(refused.getMessage().contains("keys its tracking rows"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> runner.get(Bank.class), "nothing runs");
    }

    @Test
    void twoReadersOfOneNameAreRefused() {
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> MultiThreadedRunner.builder()
                .system(BANK).projection(new RecordingProjection("balances"), "Bank")
                .projection(new RecordingProjection("balances"), "Other").synchronous().build());
        assertTrue(refused.getMessage().contains("Two projections are named 'balances'"), refused.getMessage());
    }

    @Test
    void twoApplicationsOfOneNameAreRefused() {
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> MultiThreadedRunner.builder()
                .application(new Application("Bank", Settings.empty())).application(new Bank(Settings.empty()))
                .synchronous().build());
        assertTrue(refused.getMessage().contains("Two applications are named 'Bank'"), refused.getMessage());
    }

    @Test
    void aProjectionOfAnUnknownLogOrAFollowerThatIsNoReaderIsRefusedAtStart() {
        MultiThreadedRunner unknownLog = MultiThreadedRunner.builder().system(BANK)
                .projection(new RecordingProjection("balances"), "Bnak").synchronous().build();
        assertTrue(assertThrows(ConfigurationException.class, unknownLog::start).getMessage().contains("'Bnak'"));
        MultiThreadedRunner unknownReader = MultiThreadedRunner.builder().system(BANK)
                .follow("nobody", "Remote", FilteredLog.of(new Bank(Settings.empty()).notificationLog()), Mapper.create())
                .synchronous().build();
        assertTrue(assertThrows(ConfigurationException.class, unknownReader::start).getMessage().contains("'nobody'"));
    }

    @Test
    void settingsHaveDefaultsAndAreReadScopedByTheReadersName() {
        RunnerSettings defaults = RunnerSettings.read(Settings.empty());
        assertEquals(new RunnerSettings(Duration.ofSeconds(1), 100, Duration.ofSeconds(1), 5, Optional.empty()), defaults);
        Settings settings = Settings.of(Map.of("balances.projection.failure-policy", "STOP", "projection.batch-size", "7"));
        RunnerSettings balances = RunnerSettings.read(settings.scoped("balances"));
        assertEquals(FailurePolicy.STOP, balances.failurePolicyOr(FailurePolicy.PARK));
        assertEquals(7, balances.batchSize());
        assertEquals(FailurePolicy.PARK, RunnerSettings.read(settings.scoped("other")).failurePolicyOr(FailurePolicy.PARK));
    }

    @Test
    void aSettingThatIsNotUnderstoodIsRefusedNamingTheKeyAndTheValue() {
        ConfigurationException policy = assertThrows(ConfigurationException.class,
                () -> RunnerSettings.read(Settings.of(Map.of("projection.failure-policy", "ignore"))));
        assertEquals("Setting 'projection.failure-policy' must be 'park' or 'stop', was 'ignore'", policy.getMessage());
        ConfigurationException attempts = assertThrows(ConfigurationException.class, () -> MultiThreadedRunner.builder()
                .settings(Settings.of(Map.of("projection.attempts", "0"))).synchronous().build());
        assertEquals("Setting 'projection.attempts' must be a positive whole number, was '0'", attempts.getMessage());
    }
}
