package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.example.bank.BankClient;
import dev.eventsourcing.example.bank.BankClient.Reply;
import dev.eventsourcing.example.bank.HttpBank;
import dev.eventsourcing.example.bank.Settling;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.eventsourcing.example.bank.rest.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Money transfers over HTTP: accepted at once, settled by the bank afterwards. */
interface TransfersApiContract {

    /** The client of the deployed API. */
    BankClient client();

    @Test
    default void anAcceptedTransferCompletesAndMovesTheMoney() throws InterruptedException {
        HttpBank bank = new HttpBank(client());
        UUID alice = funded(bank, "Alice", "40.00");
        UUID bob = funded(bank, "Bob", "2.00");

        Reply accepted = client().post("transfers", body(alice, bob, "15.25"));

        assertEquals(202, accepted.status(), accepted.text());
        String id = accepted.field("id");
        assertTrue(accepted.location().orElseThrow().endsWith("/api/transfers/" + id), accepted.location().toString());
        Reply ended = awaitOutcome(id);
        assertAll(
                () -> assertEquals("COMPLETED", ended.field("status"), ended.text()),
                () -> assertEquals(alice.toString(), ended.field("from")),
                () -> assertEquals(bob.toString(), ended.field("to")),
                () -> assertEquals("15.25", ended.field("amount")),
                () -> assertEquals(null, ended.field("reason"), ended.text()),
                () -> assertEquals(new BigDecimal("24.75"), bank.balance(alice)),
                () -> assertEquals(new BigDecimal("17.25"), bank.balance(bob)));
    }

    @Test
    default void aTransferTheAccountsCannotTakeIsRejectedWithTheReason() throws InterruptedException {
        HttpBank bank = new HttpBank(client());
        UUID alice = funded(bank, "Alice", "10.00");
        UUID bob = funded(bank, "Bob", "10.00");
        UUID carol = funded(bank, "Carol", "10.00");
        bank.close(carol);

        String tooMuch = bank.requestTransfer(alice, bob, new BigDecimal("10.01")).toString();
        String toClosed = bank.requestTransfer(alice, carol, new BigDecimal("1.00")).toString();

        Reply noFunds = awaitOutcome(tooMuch);
        Reply closed = awaitOutcome(toClosed);
        assertAll(
                () -> assertEquals("REJECTED", noFunds.field("status"), noFunds.text()),
                () -> assertEquals("insufficient funds", noFunds.field("reason"), noFunds.text()),
                () -> assertEquals("REJECTED", closed.field("status"), closed.text()),
                () -> assertEquals("account closed", closed.field("reason"), closed.text()),
                () -> assertEquals(new BigDecimal("10.00"), bank.balance(alice)),
                () -> assertEquals(new BigDecimal("10.00"), bank.balance(carol)));
    }

    @Test
    default void aTransferOfTheMaximumAmountCompletes() throws InterruptedException {
        HttpBank bank = new HttpBank(client());
        UUID alice = funded(bank, "Alice", "1000000000.00");
        UUID bob = bank.open("Bob", "bob@example.com");

        Reply accepted = client().post("transfers", body(alice, bob, "1000000000.00"));

        assertEquals(202, accepted.status(), accepted.text());
        Reply ended = awaitOutcome(accepted.field("id"));
        assertAll(
                () -> assertEquals("COMPLETED", ended.field("status"), ended.text()),
                () -> assertEquals(new BigDecimal("0.00"), bank.balance(alice)),
                () -> assertEquals(new BigDecimal("1000000000.00"), bank.balance(bob)));
    }

    @Test
    default void requestsThatCanNeverSucceedAreRefusedUpFront() {
        HttpBank bank = new HttpBank(client());
        UUID alice = funded(bank, "Alice", "10.00");
        UUID bob = funded(bank, "Bob", "10.00");
        UUID unknown = UUID.randomUUID();

        assertAll(
                () -> assertError(client().post("transfers", body(alice, alice, "1.00")), 400, "same_account"),
                () -> assertError(client().post("transfers", body(alice, bob, "0")), 400, "invalid_amount"),
                () -> assertError(client().post("transfers", body(alice, bob, "-3.00")), 400, "invalid_amount"),
                () -> assertError(client().post("transfers", body(alice, bob, "1.001")), 400, "invalid_amount"),
                () -> assertError(client().post("transfers", body(alice, bob, "ten")), 400, "invalid_amount"),
                () -> assertError(client().post("transfers", body(alice, bob, "1000000000.01")), 400, "invalid_amount"),
                () -> assertError(client().post("transfers", "{\"from\":\"" + alice + "\",\"to\":\"" + bob + "\"}"),
                        400, "missing_field"),
                () -> assertError(client().post("transfers", "{\"from\":\"nope\",\"to\":\"" + bob + "\",\"amount\":\"1\"}"),
                        400, "invalid_id"),
                () -> assertError(client().post("transfers", "[1]"), 400, "malformed_json"),
                () -> assertError(client().post("transfers", body(alice, unknown, "1.00")), 404, "account_not_found"),
                () -> assertError(client().post("transfers", body(unknown, bob, "1.00")), 404, "account_not_found"),
                () -> assertError(client().get("transfers/" + UUID.randomUUID()), 404, "transfer_not_found"),
                () -> assertError(client().get("transfers/12-3"), 400, "invalid_id"),
                () -> assertEquals(new BigDecimal("10.00"), bank.balance(alice)),
                () -> assertEquals(new BigDecimal("10.00"), bank.balance(bob)));
    }

    private static UUID funded(HttpBank bank, String name, String amount) {
        UUID id = bank.open(name, name.toLowerCase() + "@example.com");
        bank.deposit(id, new BigDecimal(amount));
        return id;
    }

    private static String body(UUID from, UUID to, String amount) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"amount\":\"" + amount + "\"}";
    }

    private Reply awaitOutcome(String id) throws InterruptedException {
        return Settling.await(List.of(id), this::transfer, reply -> "REQUESTED".equals(reply.field("status")),
                Duration.ofSeconds(30), Duration.ofMillis(50)).get(id);
    }

    private Reply transfer(String id) {
        Reply reply = client().get("transfers/" + id);
        assertEquals(200, reply.status(), reply.text());
        return reply;
    }
}
