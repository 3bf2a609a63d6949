package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.example.bank.BankClient;
import dev.eventsourcing.example.bank.BankClient.Reply;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Concurrent commands on one account over HTTP: no accepted deposit is ever lost. */
interface ConcurrentDepositsApiContract {

    /** The client of the deployed API. */
    BankClient client();

    @Test
    default void theFinalBalanceIsTheSumOfTheAcceptedDeposits() throws Exception {
        int clients = 8;
        BankClient client = client();
        String id = client.open("Niaj", "niaj@example.com");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<BigDecimal>> accepted = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                BigDecimal amount = new BigDecimal(c + 1).movePointLeft(2).add(BigDecimal.ONE);
                accepted.add(pool.submit(() -> deposit(client, id, amount, start)));
            }
            start.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS), "deposits did not finish in time");
        } finally {
            pool.shutdownNow();
        }

        BigDecimal sum = BigDecimal.ZERO;
        for (Future<BigDecimal> total : accepted) {
            sum = sum.add(total.get());
        }
        Reply account = client.get("accounts/" + id);
        assertTrue(sum.signum() > 0, "no deposit was accepted");
        assertEquals(sum.setScale(2).toPlainString(), account.field("balance"), account.text());
    }

    /** Sends ten deposits one after another; returns the sum of those answered 200. */
    private static BigDecimal deposit(BankClient client, String id, BigDecimal amount, CountDownLatch start)
            throws InterruptedException {
        start.await();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < 10; i++) {
            Reply reply = client.post("accounts/" + id + "/deposits", "{\"amount\":\"" + amount + "\"}");
            if (reply.status() == 200) {
                total = total.add(amount);
            } else if (reply.status() != 409 || !"concurrency_conflict".equals(reply.field("error"))) {
                throw new AssertionError("A deposit answered " + reply.status() + ": " + reply.text());
            }
        }
        return total;
    }
}
