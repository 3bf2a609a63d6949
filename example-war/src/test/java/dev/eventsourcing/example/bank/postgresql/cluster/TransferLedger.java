package dev.eventsourcing.example.bank.postgresql.cluster;

import dev.eventsourcing.example.bank.BankClient;
import dev.eventsourcing.example.bank.BankClient.Reply;
import dev.eventsourcing.example.bank.Settling;
import dev.eventsourcing.example.bank.postgresql.cluster.Traffic.Fate;
import dev.eventsourcing.example.bank.postgresql.cluster.Traffic.Sent;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a client of a cluster knows about the transfers it asked for: those accepted (answered
 * {@code 202} with an id), those whose answer was lost when a node was killed (which the node
 * may or may not have recorded), and how many found no node to take them. Once the bank has
 * settled them, it says what every account must hold.
 */
final class TransferLedger {

    /** One transfer as the client asked for it. */
    record Request(String from, String to, BigDecimal amount) {

        /** The request body of {@code POST /transfers}. */
        String json() {
            return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"amount\":\"" + amount.toPlainString() + "\"}";
        }
    }

    /** A transfer as the bank reports it: {@code status} is REQUESTED, COMPLETED or REJECTED. */
    record Outcome(String id, Request request, String status, String reason, long version) {
    }

    private final Map<String, Request> accepted = new LinkedHashMap<>();
    private final List<Request> lost = new ArrayList<>();
    private final List<String> recordedThoughLost = new ArrayList<>();
    private int notConnected;

    /** Takes in the requests of a run of traffic; any answer but {@code 202} fails. */
    void add(List<Sent<Request>> sent) {
        for (Sent<Request> one : sent) {
            if (one.fate() == Fate.ANSWERED) {
                Reply reply = one.reply();
                assertEquals(202, reply.status(), () -> "Transfer " + one.request() + " on " + one.node() + ": " + reply.text());
                accepted.put(reply.field("id"), one.request());
            } else if (one.fate() == Fate.LOST) {
                lost.add(one.request());
            } else {
                notConnected++;
            }
        }
    }

    /**
     * Reconciles the ledger with the ids of all transfers the cluster recorded: every accepted
     * transfer must be among them, and each one not accepted must be one of the requests whose
     * answer was lost (same accounts and amount), which the ledger then counts as requested.
     *
     * @param lookup what the cluster says a recorded transfer asked for
     */
    void reconcile(Set<String> recorded, Function<String, Request> lookup) {
        List<String> missing = accepted.keySet().stream().filter(id -> !recorded.contains(id)).toList();
        assertTrue(missing.isEmpty(), () -> "Accepted transfers that were never recorded: " + missing);
        List<Request> unclaimed = new ArrayList<>(lost);
        for (String id : recorded) {
            if (!accepted.containsKey(id)) {
                Request request = lookup.apply(id);
                assertTrue(unclaimed.remove(request), () -> "Transfer " + id + " " + request + " was recorded, but it"
                        + " was neither accepted nor among the requests lost in a kill: " + lost);
                recordedThoughLost.add(id);
                accepted.put(id, request);
            }
        }
    }

    /** The request that a transfer's representation ({@code GET /transfers/{id}}) shows. */
    static Request requestOf(Reply transfer) {
        assertEquals(200, transfer.status(), transfer::text);
        return new Request(transfer.field("from"), transfer.field("to"), new BigDecimal(transfer.field("amount")));
    }

    /**
     * Asks the nodes in turn until no requested transfer is still REQUESTED, and returns how
     * each ended.
     *
     * @throws AssertionError when some are still REQUESTED after the timeout
     */
    Map<String, Outcome> awaitOutcomes(List<BankClient> clients, Duration timeout) throws InterruptedException {
        AtomicInteger reads = new AtomicInteger();
        return Settling.await(List.copyOf(accepted.keySet()),
                id -> outcome(clients.get(reads.getAndIncrement() % clients.size()), id),
                outcome -> "REQUESTED".equals(outcome.status()), timeout, Duration.ofMillis(500));
    }

    /**
     * What each account must hold: its deposits, plus the credits and minus the debits of
     * exactly the completed transfers.
     */
    static Map<String, BigDecimal> expectedBalances(Map<String, BigDecimal> deposits, Iterable<Outcome> outcomes) {
        Map<String, BigDecimal> balances = new HashMap<>(deposits);
        for (Outcome outcome : outcomes) {
            if ("COMPLETED".equals(outcome.status())) {
                balances.merge(outcome.request().from(), outcome.request().amount().negate(), BigDecimal::add);
                balances.merge(outcome.request().to(), outcome.request().amount(), BigDecimal::add);
            }
        }
        return balances;
    }

    /** How many requests were accepted, counting those recorded although their answer was lost. */
    int requested() {
        return accepted.size();
    }

    /** How many requests lost their answer in a kill. */
    int lost() {
        return lost.size();
    }

    /** How many of those the cluster had recorded nonetheless. */
    int recordedThoughLost() {
        return recordedThoughLost.size();
    }

    /** How many requests found their node down. */
    int notConnected() {
        return notConnected;
    }

    private Outcome outcome(BankClient client, String id) {
        Reply reply = client.get("transfers/" + id);
        Request request = accepted.get(id);
        assertEquals(request, requestOf(reply), () -> "Transfer " + id + " is not what was requested: " + reply.text());
        return new Outcome(id, request, reply.field("status"), reply.field("reason"),
                Long.parseLong(reply.field("version")));
    }
}
