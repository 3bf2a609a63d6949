package dev.eventsourcing.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Environment;
import dev.eventsourcing.system.fixtures.Bank;
import dev.eventsourcing.system.fixtures.RecordingProjection;
import dev.eventsourcing.system.fixtures.SharedInMemory;
import dev.eventsourcing.system.transfers.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stopping lets running handlers finish and closes only what the runner made. */
class StopTest {

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2);

    @AfterEach
    void shutdown() {
        executor.shutdownNow();
    }

    @Test
    void stopLetsARunningHandlerFinishAndThenNothingRuns() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        RecordingProjection slow = new RecordingProjection("slow").onProcess(n -> {
            inside.countDown();
            sleep(300);
            finished.set(true);
        });
        Bank bank = new Bank(Settings.empty());
        MultiThreadedRunner runner = MultiThreadedRunner.builder().application(bank).projection(slow, "Bank")
                .executor(executor).build();
        runner.start();
        bank.open(1);
        assertTrue(inside.await(5, TimeUnit.SECONDS));

        runner.stop();

        assertTrue(finished.get(), "stop waited for the handler");
        bank.open(2);
        sleep(100);
        assertEquals(List.of(1L), slow.handled());
        assertThrows(IllegalStateException.class, () -> runner.get(Bank.class));
    }

    @Test
    void stopClosesTheApplicationsAndInfrastructureTheRunnerMadeButNotTheApplicationsGivenToIt() {
        SharedInMemory store = new SharedInMemory();
        Application given = new Application("Given", Environment.of(Settings.empty(), store));
        Application another = new Application("Another", Environment.of(Settings.empty(), store));
        MultiThreadedRunner runner = MultiThreadedRunner.builder()
                .system(ApplicationSystem.builder().add(Bank.class).build()).application(given).application(another)
                .infrastructure(store).projection(new RecordingProjection("balances"), "Bank")
                .projection(new RecordingProjection("given-view"), "Given").executor(executor).build();
        runner.start();
        assertEquals(List.of("Bank", "Given", "Another"), runner.applications().stream().map(Application::name).toList());

        runner.stop();

        assertTrue(store.closed().containsAll(List.of("Bank", "balances", "given-view")), store.closed().toString());
        assertFalse(store.closed().contains("Given"));
        assertFalse(store.closed().contains("Another"));
        given.save(Account.open(BigDecimal.ONE)); // still usable: its owner closes it
    }

    @Test
    void aStoppedRunnerCanBeStartedAgainAndGoesOnFromItsPosition() {
        SharedInMemory store = new SharedInMemory();
        Bank bank = new Bank(Environment.of(Settings.empty(), store));
        RecordingProjection balances = new RecordingProjection("balances");
        MultiThreadedRunner runner = MultiThreadedRunner.builder().application(bank).infrastructure(store)
                .projection(balances, "Bank").executor(executor).build();
        runner.start();
        bank.open(1);
        runner.waitFor("balances", "Bank", 1, Duration.ofSeconds(5));
        runner.stop();
        bank.open(2);

        runner.start();
        runner.waitFor("balances", "Bank", 2, Duration.ofSeconds(5));
        runner.stop();

        assertEquals(List.of(1L, 2L), balances.handled());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
