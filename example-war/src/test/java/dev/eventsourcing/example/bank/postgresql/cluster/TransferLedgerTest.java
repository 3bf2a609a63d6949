package dev.eventsourcing.example.bank.postgresql.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventsourcing.example.bank.BankClient.Reply;
import dev.eventsourcing.example.bank.postgresql.cluster.TransferLedger.Outcome;
import dev.eventsourcing.example.bank.postgresql.cluster.TransferLedger.Request;
import dev.eventsourcing.example.bank.postgresql.cluster.Traffic.Fate;
import dev.eventsourcing.example.bank.postgresql.cluster.Traffic.Sent;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cluster test's bookkeeping, without a cluster: what counts as requested, and what each account must hold. */
class TransferLedgerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Request aToB = new Request("a", "b", new BigDecimal("30.00"));
    private final Request bToA = new Request("b", "a", new BigDecimal("10.00"));
    private final Request aToC = new Request("a", "c", new BigDecimal("5.00"));

    @Test
    void aTransferRecordedThoughItsAnswerWasLostCountsAsRequested() {
        TransferLedger ledger = ledger();

        ledger.reconcile(Set.of("t1", "t3"), id -> aToC);

        assertEquals(2, ledger.requested());
        assertEquals(1, ledger.recordedThoughLost());
        assertEquals(1, ledger.lost());
        assertEquals(1, ledger.notConnected());
    }

    @Test
    void aRecordedTransferThatNoLostRequestExplainsFailsTheRun() {
        TransferLedger ledger = ledger();

        assertThrows(AssertionFailedError.class,
                () -> ledger.reconcile(Set.of("t1", "t3"), id -> new Request("a", "c", new BigDecimal("5.01"))));
    }

    @Test
    void aLostRequestExplainsOneRecordedTransferOnly() {
        TransferLedger ledger = ledger();

        assertThrows(AssertionFailedError.class, () -> ledger.reconcile(Set.of("t1", "t3", "t4"), id -> aToC));
    }

    @Test
    void anAcceptedTransferMissingFromTheRecordFailsTheRun() {
        TransferLedger ledger = ledger();

        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> ledger.reconcile(Set.of(), id -> aToC));
        assertTrue(failure.getMessage().contains("t1"), failure.getMessage());
    }

    @Test
    void anyAnswerButAcceptedFailsTheRun() {
        TransferLedger ledger = new TransferLedger();

        assertThrows(AssertionFailedError.class, () -> ledger.add(List.of(
                new Sent<>(aToB, "node-1", Fate.ANSWERED, reply(500, "{\"error\":\"internal_server_error\"}")))));
    }

    @Test
    void balancesMoveByExactlyTheCompletedTransfers() {
        Map<String, BigDecimal> deposits = Map.of("a", new BigDecimal("100.00"), "b", new BigDecimal("50.00"),
                "c", new BigDecimal("0.00"));

        Map<String, BigDecimal> balances = TransferLedger.expectedBalances(deposits, List.of(
                new Outcome("t1", aToB, "COMPLETED", null, 2),
                new Outcome("t2", bToA, "REJECTED", "insufficient funds", 2),
                new Outcome("t3", aToC, "COMPLETED", null, 2)));

        assertEquals(Map.of("a", new BigDecimal("65.00"), "b", new BigDecimal("80.00"), "c", new BigDecimal("5.00")),
                balances);
    }

    /** t1 accepted, one request lost in a kill, one refused for want of a connection. */
    private TransferLedger ledger() {
        TransferLedger ledger = new TransferLedger();
        ledger.add(List.of(
                new Sent<>(aToB, "node-1", Fate.ANSWERED, reply(202, "{\"id\":\"t1\"}")),
                new Sent<>(aToC, "node-2", Fate.LOST, null),
                new Sent<>(bToA, "node-2", Fate.NOT_CONNECTED, null)));
        return ledger;
    }

    private static Reply reply(int status, String body) {
        try {
            return new Reply(status, Optional.empty(), Optional.empty(), JSON.readTree(body), body);
        } catch (Exception e) {
            throw new IllegalArgumentException(body, e);
        }
    }
}
