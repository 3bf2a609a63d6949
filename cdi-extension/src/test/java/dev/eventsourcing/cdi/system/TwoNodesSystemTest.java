package dev.eventsourcing.cdi.system;

import dev.eventsourcing.cdi.support.Deployments;
import dev.eventsourcing.cdi.support.TestDatabase;
import dev.eventsourcing.system.ReaderStatus;
import dev.eventsourcing.system.Readers;
import dev.eventsourcing.system.transfers.Accounts;
import dev.eventsourcing.system.transfers.Transfer;
import dev.eventsourcing.system.transfers.Transfers;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes (two Weld containers, as two app servers would be) run the transfers system on one
 * PostgreSQL database; requests are spread over both, one node is shut down in the middle of
 * the run without letting its followers drain their backlog, and is started again. Every
 * transfer must end exactly once and the accounts must hold the money they started with.
 *
 * <p>The shutdown is the container's own: a handler that is running commits or rolls back
 * before the node is gone, so this is not a kill of the process (a killed process's open
 * transaction is rolled back by the database, which the exactly-once tracking covers the same way).
 */
class TwoNodesSystemTest {

    private static final int ACCOUNTS = 10;
    private static final BigDecimal OPENING = new BigDecimal("100");

    private final List<WeldContainer> nodes = new ArrayList<>();
    private TestDatabase database;

    /** One requested transfer, as the client asked for it. */
    private record Request(UUID transfer, UUID from, UUID to, BigDecimal amount) {
    }

    @AfterEach
    void shutdown() throws Exception {
        nodes.stream().filter(WeldContainer::isRunning).forEach(WeldContainer::shutdown);
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void everyTransferEndsExactlyOnceAndNoMoneyIsMadeWhenANodeStopsMidRunAndRestarts() {
        database = TestDatabase.postgresql();
        WeldContainer one = start();
        WeldContainer other = start();
        List<UUID> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(one.select(Accounts.class).get().open(OPENING));
        }
        one.select(Accounts.class).get().close(accounts.get(ACCOUNTS - 1));
        Queue<Request> requested = new ConcurrentLinkedQueue<>();

        request(List.of(one, one, other, other), 40, accounts, requested, 1);
        ExecutorService client = Executors.newSingleThreadExecutor();
        CompletableFuture<Void> meanwhile = CompletableFuture.runAsync(() -> request(List.of(one, one), 40, accounts, requested, 2),
                client);
        long backlog = backlogOf(other);
        long stopping = System.nanoTime();
        other.shutdown();
        long stoppedMillis = (System.nanoTime() - stopping) / 1_000_000;
        meanwhile.join();
        client.shutdown();
        WeldContainer restarted = start();
        request(List.of(one, one, restarted, restarted), 20, accounts, requested, 3);
        one.select(Readers.class).get().waitUntilCaughtUp(ContainerSystemTestCase.CATCH_UP);
        restarted.select(Readers.class).get().waitUntilCaughtUp(ContainerSystemTestCase.CATCH_UP);

        Transfers transfers = restarted.select(Transfers.class).get();
        Map<UUID, BigDecimal> expected = new HashMap<>();
        accounts.forEach(id -> expected.put(id, OPENING));
        int completed = 0;
        for (Request request : requested) {
            Transfer transfer = transfers.get(request.transfer());
            assertEquals(2, transfer.version(), () -> "transfer " + request + " ended " + transfer.status());
            if (transfer.status() == Transfer.Status.COMPLETED) {
                completed++;
                expected.merge(request.from(), request.amount().negate(), BigDecimal::add);
                expected.merge(request.to(), request.amount(), BigDecimal::add);
            } else {
                assertEquals(Transfer.Status.REJECTED, transfer.status());
            }
        }
        Accounts onOne = one.select(Accounts.class).get();
        BigDecimal total = BigDecimal.ZERO;
        for (UUID id : accounts) {
            assertEquals(expected.get(id), onOne.balance(id), "each completed transfer moved its money once");
            total = total.add(onOne.balance(id));
        }
        assertEquals(OPENING.multiply(BigDecimal.valueOf(ACCOUNTS)), total, "money is conserved");
        assertTrue(completed > 0 && completed < requested.size(), "some transfers completed, some were rejected");
        System.out.printf("Two nodes: %d transfers (%d completed, %d rejected), 1 node stopped with %d requests"
                        + " not yet settled (shutdown took %d ms) and restarted; total %s of %s%n",
                requested.size(), completed, requested.size() - completed, backlog, stoppedMillis, total,
                OPENING.multiply(BigDecimal.valueOf(ACCOUNTS)));
    }

    private WeldContainer start() {
        WeldContainer node = Deployments.start(ContainerSystemTestCase.config(database), TransfersSystem.BEAN_CLASSES);
        nodes.add(node);
        return node;
    }

    // Clients, one thread per entry, each requesting transfers on its node between random accounts.
    private static void request(List<WeldContainer> clients, int each, List<UUID> accounts, Queue<Request> requested,
                                long seed) {
        ExecutorService threads = Executors.newFixedThreadPool(clients.size());
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int c = 0; c < clients.size(); c++) {
            Transfers transfers = clients.get(c).select(Transfers.class).get();
            Random random = new Random(seed * 31 + c);
            running.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < each; i++) {
                    UUID from = accounts.get(random.nextInt(accounts.size()));
                    UUID to = accounts.get((accounts.indexOf(from) + 1 + random.nextInt(accounts.size() - 1)) % accounts.size());
                    BigDecimal amount = new BigDecimal(1 + random.nextInt(80));
                    requested.add(new Request(transfers.request(from, to, amount), from, to, amount));
                }
            }, threads));
        }
        try {
            running.forEach(CompletableFuture::join);
        } finally {
            threads.shutdown();
        }
    }

    // How many requests the accounts had not yet settled: the transfers' log beyond the accounts' position.
    private static long backlogOf(WeldContainer node) {
        long end = node.select(Transfers.class).get().recorder().maxNotificationId();
        long position = node.select(Readers.class).get().statuses().stream()
                .filter(s -> s.reader().equals("Accounts") && s.upstream().equals("Transfers"))
                .mapToLong(ReaderStatus::position).findFirst().orElseThrow();
        return end - position;
    }
}
