package dev.eventsourcing.example.bank.domainmodel;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A transfer's rules: what may be requested, and that it ends once. */
class TransferTest {

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void aRequestedTransferKeepsItsAccountsAndAmount() {
        Transfer transfer = Transfer.request(alice, bob, new BigDecimal("3.5"));

        assertEquals(Transfer.Status.REQUESTED, transfer.status());
        assertEquals(alice, transfer.from());
        assertEquals(bob, transfer.to());
        assertEquals(new BigDecimal("3.50"), transfer.amount());
        assertNull(transfer.reason());
    }

    @Test
    void aTransferNeedsTwoAccountsAndPositiveMoney() {
        assertThrows(IllegalArgumentException.class, () -> Transfer.request(alice, alice, BigDecimal.ONE));
        assertThrows(IllegalArgumentException.class, () -> Transfer.request(alice, bob, BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Transfer.request(alice, bob, new BigDecimal("-1")));
        assertThrows(IllegalArgumentException.class, () -> Transfer.request(alice, bob, new BigDecimal("0.001")));
        assertThrows(NullPointerException.class, () -> Transfer.request(alice, null, BigDecimal.ONE));
    }

    @Test
    void aTransferMayMoveTheMaximumAmountAndNotOneCentMore() {
        assertEquals(Money.MAX, Transfer.request(alice, bob, Money.MAX).amount());
        assertThrows(InvalidAmountException.class, () -> Transfer.request(alice, bob, new BigDecimal("1000000000.01")));
    }

    @Test
    void aTransferEndsOnceCompletedOrRejected() {
        Transfer completed = Transfer.request(alice, bob, BigDecimal.TEN);
        completed.complete();
        Transfer rejected = Transfer.request(alice, bob, BigDecimal.TEN);
        rejected.reject(Settlement.INSUFFICIENT_FUNDS);

        assertEquals(Transfer.Status.COMPLETED, completed.status());
        assertEquals(Transfer.Status.REJECTED, rejected.status());
        assertEquals(Settlement.INSUFFICIENT_FUNDS, rejected.reason());
        assertThrows(IllegalStateException.class, completed::complete);
        assertThrows(IllegalStateException.class, () -> completed.reject("late"));
        assertThrows(IllegalStateException.class, rejected::complete);
        assertEquals(2, completed.version());
        assertEquals(2, rejected.version());
    }

    @Test
    void aTransferHasOneSettlementWhoseIdFollowsFromTheTransfers() {
        UUID transferId = UUID.randomUUID();

        assertEquals(Settlement.idOf(transferId), Settlement.settled(transferId).id());
        assertEquals(Settlement.idOf(transferId), Settlement.refused(transferId, "why").id());
        assertNotEquals(Settlement.idOf(transferId), Settlement.idOf(UUID.randomUUID()));
    }
}
