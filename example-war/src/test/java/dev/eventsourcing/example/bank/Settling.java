package dev.eventsourcing.example.bank;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Waits for transfers to settle: the bank settles them asynchronously, so tests read each
 * transfer again until it is no longer REQUESTED.
 */
public final class Settling {

    private Settling() {
    }

    /**
     * Reads every transfer, then again those still pending, until none is, and returns the last
     * read of each, in the order of {@code ids}.
     *
     * @param read    reads one transfer (and may assert on the answer)
     * @param pending whether a read shows the transfer still REQUESTED
     * @throws AssertionError when some are still pending after the timeout
     */
    public static <K, T> Map<K, T> await(List<K> ids, Function<K, T> read, Predicate<T> pending, Duration timeout,
                                         Duration pause) throws InterruptedException {
        Map<K, T> reads = new LinkedHashMap<>();
        List<K> unsettled = ids;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<K> still = new ArrayList<>();
            for (K id : unsettled) {
                T last = read.apply(id);
                reads.put(id, last);
                if (pending.test(last)) {
                    still.add(id);
                }
            }
            unsettled = still;
            if (unsettled.isEmpty()) {
                return reads;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(unsettled.size() + " of " + ids.size() + " transfers are still REQUESTED after "
                        + timeout + ", e.g. " + unsettled.subList(0, Math.min(5, unsettled.size())));
            }
            Thread.sleep(pause.toMillis());
        }
    }
}
