package dev.eventsourcing.system;

import dev.eventsourcing.MetricsListener;
import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Environment;
import dev.eventsourcing.persistence.Infrastructure;
import dev.eventsourcing.system.fixtures.Bank;
import dev.eventsourcing.system.fixtures.FilteredLog;
import dev.eventsourcing.system.fixtures.ModelDatabase;
import dev.eventsourcing.system.fixtures.RecordingProjection;
import dev.eventsourcing.system.fixtures.SharedInMemory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What applications and a runner's readers tell their metrics listener. */
class MetricsListenerTest {

    private final Recorded recorded = new Recorded();
    private MultiThreadedRunner runner;

    @AfterEach
    void stop() {
        if (runner != null) {
            runner.stop();
        }
    }

    @Test
    void theRunnerReportsAppendsOfItsApplicationsAndWhatItsReadersProcessRetryAndPark() {
        RecordingProjection balances = new RecordingProjection("balances").refusing(n -> n.id() == 2);
        runner = MultiThreadedRunner.builder().system(ApplicationSystem.builder().add(Bank.class).build())
                .settings(Settings.of(Map.of("projection.attempts", "2"))).projection(balances, "Bank")
                .metrics(recorded).synchronous().build();
        runner.start();
        Bank bank = runner.get(Bank.class);
        UUID alice = bank.open(1);
        bank.credit(alice, 5);
        runner.catchUp(); // the second attempt, which parks it
        bank.credit(alice, 7);
        bank.open(2);

        assertEquals(List.of("Bank:1", "Bank:1", "Bank:1", "Bank:1"), recorded.appends);
        assertEquals(List.of("balances/Bank"), recorded.processed.stream().distinct().toList());
        assertEquals(2, recorded.processed.size());
        assertEquals(List.of("balances/Bank#2"), recorded.retries);
        assertEquals(List.of("balances/Bank#2", "balances/Bank#3"), recorded.parkings);
        assertTrue(recorded.durations.stream().noneMatch(Duration::isNegative));
    }

    @Test
    void aBatchProcessedInOneTransactionCountsWhatItProcessedOnceAlsoWhenItIsRedoneOneByOne() {
        SharedInMemory store = new SharedInMemory(new ModelDatabase());
        Bank bank = new Bank(Settings.empty());
        for (int i = 0; i < 15; i++) {
            bank.open(i);
        }
        RecordingProjection counts = new RecordingProjection("counts").refusing(n -> n.id() == 5);
        runner = MultiThreadedRunner.builder().infrastructure(store)
                .settings(Settings.of(Map.of("projection.batch-size", "5", "projection.attempts", "1")))
                .projection(counts).follow("counts", "Ledger", FilteredLog.of(bank.notificationLog()), bank.mapper())
                .metrics(recorded).synchronous().build();

        runner.start();

        assertEquals(14, recorded.processed.size(), "every notification but the parked one, once");
        assertEquals(List.of("counts/Ledger#5"), recorded.parkings);
    }

    @Test
    void anApplicationGivenAListenerInItsEnvironmentReportsItsAppends() {
        Bank bank = new Bank(Environment.of(Settings.empty(), Infrastructure.FROM_SETTINGS, recorded));

        bank.open(3);

        assertEquals(List.of("Bank:1"), recorded.appends);
    }

    @Test
    void theListenerThatDoesNothingIsTheDefault() {
        Bank bank = new Bank(Settings.empty());

        bank.open(3);

        assertEquals(List.of(), recorded.appends);
        assertEquals(MetricsListener.NONE, Environment.of(Settings.empty(), Infrastructure.FROM_SETTINGS).metrics());
    }

    /** Writes down what it is told. */
    private static final class Recorded implements MetricsListener {
        final List<String> appends = new CopyOnWriteArrayList<>();
        final List<Duration> durations = new CopyOnWriteArrayList<>();
        final List<String> processed = new CopyOnWriteArrayList<>();
        final List<String> retries = new CopyOnWriteArrayList<>();
        final List<String> parkings = new CopyOnWriteArrayList<>();

        @Override
        public void appended(String application, int events, Duration duration) {
            appends.add(application + ":" + events);
            durations.add(duration);
        }

        @Override
        public void processed(String reader, String upstream) {
            processed.add(reader + "/" + upstream);
        }

        @Override
        public void retried(String reader, String upstream, long notificationId) {
            retries.add(reader + "/" + upstream + "#" + notificationId);
        }

        @Override
        public void parked(String reader, String upstream, long notificationId) {
            parkings.add(reader + "/" + upstream + "#" + notificationId);
        }
    }
}
