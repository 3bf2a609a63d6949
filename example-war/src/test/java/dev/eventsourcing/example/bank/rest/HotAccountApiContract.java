package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.example.bank.BankClient;
import dev.eventsourcing.example.bank.BankClient.Reply;
import dev.eventsourcing.example.bank.ServerLog;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hot account: many clients depositing on one account at once. The server queues commands on
 * one aggregate before they reach the database, so each is accepted the first time, none ends
 * in a conflict, and nothing is logged as an error. The wall time against one client making the
 * same number of deposits is printed, not asserted (speed is measured by the benchmarks).
 */
interface HotAccountApiContract {

    /** How many clients deposit at once. */
    int CLIENTS = 16;
    /** How many deposits each client makes, one after another. */
    int DEPOSITS_PER_CLIENT = 25;

    /** How many deposits warm the server up before anything is timed. */
    int WARM_UP = 100;

    /** The client of the deployed API. */
    BankClient client();

    /** The server's log, read from where this test starts. */
    ServerLog serverLog();

    @Test
    default void everyDepositOnAHotAccountIsAcceptedWithoutAnError() throws Exception {
        BankClient client = client();
        String alone = client.open("Olivia", "olivia@example.com");
        String hot = client.open("Peggy", "peggy@example.com");
        ServerLog.Mark mark = serverLog().mark();
        // Warm the server up first, so that neither timed run pays for it.
        assertEquals(WARM_UP, deposits(client, client.open("Rupert", "rupert@example.com"), WARM_UP));

        long serialStarted = System.nanoTime();
        int serialAccepted = deposits(client, alone, CLIENTS * DEPOSITS_PER_CLIENT);
        long serialNanos = System.nanoTime() - serialStarted;

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Integer>> accepted = new ArrayList<>();
        long concurrentNanos;
        try {
            for (int c = 0; c < CLIENTS; c++) {
                Callable<Integer> deposits = () -> {
                    start.await();
                    return deposits(client, hot, DEPOSITS_PER_CLIENT);
                };
                accepted.add(pool.submit(deposits));
            }
            long concurrentStarted = System.nanoTime();
            start.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(300, TimeUnit.SECONDS), "the deposits did not finish in time");
            concurrentNanos = System.nanoTime() - concurrentStarted;
        } finally {
            pool.shutdownNow();
        }

        int concurrentAccepted = 0;
        for (Future<Integer> count : accepted) {
            concurrentAccepted += count.get();
        }
        System.out.printf("Hot account: %d clients x %d deposits took %d ms; one client making %d deposits took %d ms"
                        + " (ratio %.2f)%n", CLIENTS, DEPOSITS_PER_CLIENT, concurrentNanos / 1_000_000,
                CLIENTS * DEPOSITS_PER_CLIENT, serialNanos / 1_000_000, (double) concurrentNanos / serialNanos);
        assertEquals(CLIENTS * DEPOSITS_PER_CLIENT, serialAccepted, "deposits of the lone client accepted");
        assertEquals(CLIENTS * DEPOSITS_PER_CLIENT, concurrentAccepted, "deposits on the hot account accepted");
        Reply account = client.get("accounts/" + hot);
        assertEquals(new BigDecimal(CLIENTS * DEPOSITS_PER_CLIENT).setScale(2).toPlainString(),
                account.field("balance"), account.text());
        assertEquals(List.of(), mark.errorsSince(), "errors in the server log");
    }

    /** Deposits 1.00 {@code count} times, one after another; returns how many were answered 200. */
    private static int deposits(BankClient client, String id, int count) {
        int accepted = 0;
        for (int i = 0; i < count; i++) {
            Reply reply = client.post("accounts/" + id + "/deposits", "{\"amount\":\"1.00\"}");
            if (reply.status() == 200) {
                accepted++;
            } else if (reply.status() != 409) {
                throw new AssertionError("A deposit answered " + reply.status() + ": " + reply.text());
            }
        }
        return accepted;
    }
}
