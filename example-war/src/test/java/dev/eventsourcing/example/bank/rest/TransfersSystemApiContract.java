package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.example.bank.BankClient;
import dev.eventsourcing.example.bank.HttpBank;
import dev.eventsourcing.example.bank.InMemoryBank;
import dev.eventsourcing.example.bank.TransferScenario;
import dev.eventsourcing.example.bank.TransferScenario.EndState;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same system ends in the same state on the server as in memory: the transfer scenario runs
 * on the single-threaded in-memory runner in the test, then over HTTP against the deployed WAR
 * with concurrent requests, and both end states must be equal (and equal to the planned one).
 */
interface TransfersSystemApiContract {

    /** The client of the deployed API. */
    BankClient client();

    @Test
    default void theDeployedSystemEndsInTheSameStateAsTheInMemoryRun() throws Exception {
        TransferScenario scenario = new TransferScenario(12, 300, 2026);
        EndState inMemory;
        try (InMemoryBank bank = new InMemoryBank()) {
            inMemory = scenario.run(bank, 1, Duration.ofSeconds(10));
        }

        EndState deployed = scenario.run(new HttpBank(client()), 8, Duration.ofSeconds(120));

        assertEquals(scenario.expected(), inMemory);
        assertEquals(inMemory, deployed);
    }
}
