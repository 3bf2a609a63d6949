package dev.eventsourcing.example.bank;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many accounts and many transfers between them, planned from a seed so that every run makes the
 * same requests, and planned so that each transfer's outcome does not depend on the order in
 * which the bank settles them: a transfer from an open account never takes more than what is
 * left of that account's own deposit after its other outgoing transfers, a transfer touching the
 * closed account is always refused for that, and a transfer asking for more money than the whole
 * bank holds always fails for lack of funds. Requests may therefore be sent concurrently, and
 * still every run ends in the same state, the one {@link #expected()} computes from the plan.
 */
public final class TransferScenario {

    /** Balances of the accounts and outcomes of the transfers, by their place in the plan. */
    public record EndState(List<BigDecimal> balances, List<String> outcomes) {

        /** How many transfers ended with this outcome. */
        public long count(String outcome) {
            return outcomes.stream().filter(outcome::equals).count();
        }

        /** The sum of the balances. */
        public BigDecimal total() {
            return balances.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** One planned transfer, between accounts given by their place. */
    private record Planned(int from, int to, BigDecimal amount, String outcome) {
    }

    public static final String COMPLETED = "COMPLETED";
    public static final String CLOSED = "REJECTED: account closed";
    public static final String NO_FUNDS = "REJECTED: insufficient funds";

    private final List<BigDecimal> deposits = new ArrayList<>();
    private final List<Planned> plan = new ArrayList<>();
    private final int closed;

    /** Plans {@code transfers} transfers between {@code accounts} accounts, the last of them closed. */
    public TransferScenario(int accounts, int transfers, long seed) {
        if (accounts < 3) {
            throw new IllegalArgumentException("The scenario needs at least three accounts, was " + accounts);
        }
        Random random = new Random(seed);
        for (int i = 0; i < accounts; i++) {
            deposits.add(BigDecimal.valueOf(5_000 + random.nextInt(10_000), 2));
        }
        closed = accounts - 1;
        BigDecimal total = deposits.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal[] budget = deposits.toArray(BigDecimal[]::new);
        for (int t = 0; t < transfers; t++) {
            int from = random.nextInt(closed);
            int to = other(random, from, closed);
            int kind = random.nextInt(10);
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(2_000), 2);
            if (kind == 0) {
                // Either side may be the closed account.
                plan.add(random.nextBoolean() ? new Planned(closed, to, amount, CLOSED) : new Planned(from, closed, amount, CLOSED));
            } else if (kind == 1 || budget[from].compareTo(amount) < 0) {
                plan.add(new Planned(from, to, total.add(amount), NO_FUNDS));
            } else {
                budget[from] = budget[from].subtract(amount);
                plan.add(new Planned(from, to, amount, COMPLETED));
            }
        }
    }

    private static int other(Random random, int not, int bound) {
        int pick = random.nextInt(bound - 1);
        return pick >= not ? pick + 1 : pick;
    }

    /** The end state every run must reach. */
    public EndState expected() {
        BigDecimal[] balances = deposits.toArray(BigDecimal[]::new);
        for (Planned transfer : plan) {
            if (transfer.outcome().equals(COMPLETED)) {
                balances[transfer.from()] = balances[transfer.from()].subtract(transfer.amount());
                balances[transfer.to()] = balances[transfer.to()].add(transfer.amount());
            }
        }
        return new EndState(Arrays.asList(balances), plan.stream().map(Planned::outcome).toList());
    }

    /**
     * Opens and funds the accounts, closes the last, requests every transfer from
     * {@code concurrency} threads, waits until each has an outcome, and reads the end state.
     */
    public EndState run(BankOperations bank, int concurrency, Duration settling) throws Exception {
        List<UUID> accounts = new ArrayList<>();
        for (int i = 0; i < deposits.size(); i++) {
            UUID id = bank.open("Customer " + i, "customer" + i + "@example.com");
            bank.deposit(id, deposits.get(i));
            accounts.add(id);
        }
        bank.close(accounts.get(closed));
        List<UUID> transfers = request(bank, accounts, concurrency);
        List<String> outcomes = List.copyOf(Settling.await(transfers, bank::outcome, "REQUESTED"::equals, settling,
                Duration.ofMillis(100)).values());
        List<BigDecimal> balances = accounts.stream().map(bank::balance).toList();
        return new EndState(balances, outcomes);
    }

    private List<UUID> request(BankOperations bank, List<UUID> accounts, int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<UUID>> requested = plan.stream()
                    .map(p -> pool.submit(() -> bank.requestTransfer(accounts.get(p.from()), accounts.get(p.to()), p.amount())))
                    .toList();
            List<UUID> ids = new ArrayList<>();
            for (Future<UUID> id : requested) {
                ids.add(id.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }
}
