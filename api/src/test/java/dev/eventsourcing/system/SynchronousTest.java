package dev.eventsourcing.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.system.fixtures.Bank;
import dev.eventsourcing.system.fixtures.RecordingProjection;
import dev.eventsourcing.system.transfers.Account;
import dev.eventsourcing.system.transfers.Accounts;
import dev.eventsourcing.system.transfers.Transfer;
import dev.eventsourcing.system.transfers.Transfers;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A synchronous runner processes in the committing thread, queuing the prompts its readers raise. */
class SynchronousTest {

    @Test
    void aHandlerThatSavesHasItsPromptQueuedAndHandledAfterItNotInsideIt() {
        List<String> sequence = Collections.synchronizedList(new ArrayList<>());
        Bank bank = new Bank(Settings.empty());
        Application other = new Application("Other", Settings.empty());
        RecordingProjection outer = new RecordingProjection("outer").onProcess(n -> {
            sequence.add("outer begins " + n.id());
            other.save(Account.open(BigDecimal.ONE));
            sequence.add("outer ends " + n.id());
        });
        RecordingProjection inner = new RecordingProjection("inner").onProcess(n -> sequence.add("inner " + n.id()));
        try (MultiThreadedRunner runner = MultiThreadedRunner.builder().application(bank).application(other)
                .projection(outer, "Bank").projection(inner, "Other").synchronous().build()) {
            runner.start();
            bank.open(1);
            bank.open(2);
        }

        assertEquals(List.of("outer begins 1", "outer ends 1", "inner 1", "outer begins 2", "outer ends 2", "inner 2"),
                sequence);
    }

    @Test
    void aCycleOfProcessApplicationsSettlesBeforeTheRequestReturns() {
        try (MultiThreadedRunner runner = MultiThreadedRunner.builder()
                .system(ApplicationSystem.builder().pipe(Transfers.class, Accounts.class, Transfers.class).build())
                .synchronous().build()) {
            runner.start();
            Accounts accounts = runner.get(Accounts.class);
            Transfers transfers = runner.get(Transfers.class);
            UUID alice = accounts.open(new BigDecimal("100"));
            UUID bob = accounts.open(new BigDecimal("0"));

            UUID transfer = transfers.request(alice, bob, new BigDecimal("30"));

            assertEquals(Transfer.Status.COMPLETED, transfers.get(transfer).status());
            assertEquals(new BigDecimal("70"), accounts.balance(alice));
        }
    }
}
