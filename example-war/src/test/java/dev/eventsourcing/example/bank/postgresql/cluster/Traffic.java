package dev.eventsourcing.example.bank.postgresql.cluster;

import dev.eventsourcing.example.bank.BankClient;
import dev.eventsourcing.example.bank.BankClient.Reply;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * A batch of requests sent by several client threads at once to the nodes of a cluster, the
 * i-th request to the (i mod n)-th node, while nodes may be killed under it. Each request ends in
 * one of three {@link Fate}s, which decide what a test may conclude from it.
 *
 * @param <R> what one request asks for
 */
final class Traffic<R> {

    /** What became of a request. */
    enum Fate {
        /** The node answered (with any status). */
        ANSWERED,
        /** No connection could be made: the node was down, so nothing was recorded. */
        NOT_CONNECTED,
        /** The connection broke before the answer: the node may or may not have recorded it. */
        LOST
    }

    /** One request sent, with the node it went to, its fate and (when answered) the reply. */
    record Sent<R>(R request, String node, Fate fate, Reply reply) {
    }

    /** A node as the traffic sees it: a name and a client of its API. */
    record Route(String node, BankClient client) {
    }

    private final List<Route> routes;
    private final List<R> requests;
    private final BiFunction<BankClient, R, Reply> send;
    private final ExecutorService clients;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final List<Sent<R>> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<Future<?>> workers = new ArrayList<>();

    private Traffic(List<Route> routes, List<R> requests, BiFunction<BankClient, R, Reply> send, int clients) {
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("Traffic needs at least one node to send to");
        }
        this.routes = List.copyOf(routes);
        this.requests = List.copyOf(requests);
        this.send = send;
        this.clients = Executors.newFixedThreadPool(clients);
    }

    /** Starts sending the requests with {@code clients} threads and returns at once. */
    static <R> Traffic<R> start(List<Route> routes, List<R> requests, int clients, BiFunction<BankClient, R, Reply> send) {
        Traffic<R> traffic = new Traffic<>(routes, requests, send, clients);
        for (int c = 0; c < clients; c++) {
            traffic.workers.add(traffic.clients.submit(traffic::work));
        }
        traffic.clients.shutdown();
        return traffic;
    }

    /** Waits until at least {@code count} requests have ended (answered or not). */
    void awaitEnded(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (done.get() < Math.min(count, requests.size())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Only " + done.get() + " of " + count + " requests ended within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    /** Waits until every request has ended and returns what became of each, in no particular order. */
    List<Sent<R>> join(Duration timeout) throws Exception {
        if (!clients.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            clients.shutdownNow();
            throw new AssertionError("The requests did not end within " + timeout + " (" + done.get() + " of "
                    + requests.size() + " did)");
        }
        for (Future<?> worker : workers) {
            worker.get(); // a worker's own failure surfaces here
        }
        return List.copyOf(sent);
    }

    private void work() {
        for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
            Route route = routes.get(i % routes.size());
            R request = requests.get(i);
            sent.add(sendOne(route, request));
            done.incrementAndGet();
        }
    }

    private Sent<R> sendOne(Route route, R request) {
        try {
            return new Sent<>(request, route.node(), Fate.ANSWERED, send.apply(route.client(), request));
        } catch (UncheckedIOException e) {
            Fate fate = e.getCause() instanceof ConnectException ? Fate.NOT_CONNECTED : Fate.LOST;
            return new Sent<>(request, route.node(), fate, null);
        }
    }
}
