package dev.eventsourcing.example.bank;

import dev.eventsourcing.example.bank.BankClient.Reply;

import java.math.BigDecimal;
import java.util.UUID;

/** The bank's HTTP API, as the transfer scenarios use it; any unexpected answer fails. */
public final class HttpBank implements BankOperations {

    private final BankClient client;

    public HttpBank(BankClient client) {
        this.client = client;
    }

    @Override
    public UUID open(String fullName, String emailAddress) {
        return UUID.fromString(client.open(fullName, emailAddress));
    }

    @Override
    public void deposit(UUID account, BigDecimal amount) {
        expect(200, client.post("accounts/" + account + "/deposits", "{\"amount\":\"" + amount.toPlainString() + "\"}"));
    }

    /** The account's version: how many events it has. */
    public long version(UUID account) {
        return Long.parseLong(expect(200, client.get("accounts/" + account)).field("version"));
    }

    @Override
    public void close(UUID account) {
        expect(200, client.post("accounts/" + account + "/close", ""));
    }

    @Override
    public UUID requestTransfer(UUID from, UUID to, BigDecimal amount) {
        Reply reply = expect(202, client.post("transfers",
                "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"amount\":\"" + amount.toPlainString() + "\"}"));
        return UUID.fromString(reply.field("id"));
    }

    @Override
    public String outcome(UUID transfer) {
        Reply reply = expect(200, client.get("transfers/" + transfer));
        String reason = reply.field("reason");
        return reply.field("status") + (reason == null ? "" : ": " + reason);
    }

    @Override
    public BigDecimal balance(UUID account) {
        return new BigDecimal(expect(200, client.get("accounts/" + account)).field("balance"));
    }

    private static Reply expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new AssertionError("Expected " + status + " but the bank answered " + reply.status() + ": " + reply.text());
        }
        return reply;
    }
}
