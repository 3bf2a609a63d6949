package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.example.bank.BankClient;
import dev.eventsourcing.example.bank.BankClient.Reply;
import dev.eventsourcing.example.bank.TestUser;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Statistics over HTTP: eventually they count every account and sum every balance. */
interface StatisticsApiContract {

    /** The client of the deployed API, calling as a teller (statistics are read as an auditor). */
    BankClient client();

    @Test
    default void statisticsCatchUpWithNewAccountsAndTheirBalances() throws InterruptedException {
        BankClient client = client();
        BankClient auditor = client.as(TestUser.AUDITOR);
        Reply before = settled(auditor);
        long accounts = before.body().get("accounts").asLong();
        BigDecimal total = new BigDecimal(before.field("totalBalance"));

        String first = client.open("Olivia", "olivia@example.com");
        String second = client.open("Peggy", "peggy@example.com");
        client.post("accounts/" + first + "/deposits", "{\"amount\":\"100.00\"}");
        client.post("accounts/" + second + "/deposits", "{\"amount\":\"30.50\"}");
        client.post("accounts/" + first + "/withdrawals", "{\"amount\":\"0.25\"}");

        String expectedTotal = total.add(new BigDecimal("130.25")).toPlainString();
        Reply after = awaitStatistics(auditor, accounts + 2, expectedTotal);
        assertEquals(accounts + 2, after.body().get("accounts").asLong(), after.text());
        assertEquals(expectedTotal, after.field("totalBalance"), after.text());
    }

    /** The statistics once they stop changing (earlier tests' events may still be in flight). */
    private static Reply settled(BankClient client) throws InterruptedException {
        Reply previous = client.get("statistics");
        for (int i = 0; i < 20; i++) {
            Thread.sleep(1000);
            Reply current = client.get("statistics");
            if (current.text().equals(previous.text())) {
                return current;
            }
            previous = current;
        }
        return previous;
    }

    private static Reply awaitStatistics(BankClient client, long accounts, String total) throws InterruptedException {
        Reply reply = client.get("statistics");
        for (int i = 0; i < 150 && !(reply.body().get("accounts").asLong() == accounts
                && total.equals(reply.field("totalBalance"))); i++) {
            Thread.sleep(200);
            reply = client.get("statistics");
        }
        assertEquals(200, reply.status(), reply.text());
        return reply;
    }
}
