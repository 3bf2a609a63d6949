package dev.eventsourcing.benchmarks;

import dev.eventsourcing.dcb.DcbEvent;
import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.dcb.DcbQueryItem;
import dev.eventsourcing.dcb.DcbRecorder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads by tag on a growing store: the same tag of 10 events (spread over the first 1% of the
 * store) read when the store holds 1%, 10% and all of {@code bench.dcb.store} events, and a tag of
 * 100 events (spread over the first 10%) on the full store. If a read cost in proportion to the
 * log, the rate would fall a hundredfold from the first figure to the third; it should instead
 * stay level, and fall only with what the read returns.
 *
 * <p>The filler events have one of four types and two tags each: an entity of ten events and one
 * of a hundred groups, so that the tag index holds two entries per event, as a real store would.
 */
final class DcbReadScenario {

    static final String SMALL_TAG = "probe:10";
    static final String LARGER_TAG = "probe:100";
    private static final List<String> TYPES = List.of("CourseRegistered", "StudentRegistered", "StudentJoinedCourse",
            "StudentLeftCourse");
    private static final int BATCH = 1_000;

    private final Harness harness;
    private final long store;
    // Every spacing-th event of the first 1% (10%) carries the small (larger) probe tag.
    private final long spacing;

    DcbReadScenario(Harness harness) {
        this.harness = harness;
        this.store = harness.options().dcbStoreSize();
        this.spacing = store / 1000;
    }

    void run(List<DcbContender> contenders) {
        for (long size : new long[] {store / 100, store / 10, store}) {
            for (DcbContender c : contenders) {
                long start = System.nanoTime();
                fillTo(c.recorder(), size);
                c.analyzer().run();
                harness.note("filled " + c.name() + "/" + c.backend().label() + " to " + Scenarios.format(size)
                        + " DCB events in " + Math.round((System.nanoTime() - start) / 1e9) + " s");
            }
            if (size == store / 100) {
                contenders.forEach(this::warmUp);
            }
            measure(contenders, SMALL_TAG, 10, size);
        }
        measure(contenders, LARGER_TAG, 100, store);
    }

    /**
     * Reads for a while before the first measured round, so that the first store size is not
     * measured on cold statement caches and a cold JIT (one warm-up round per scenario is short).
     */
    private void warmUp(DcbContender c) {
        DcbQuery query = DcbQuery.of(DcbQueryItem.tags(SMALL_TAG));
        long end = System.nanoTime() + (long) (harness.options().warmupSeconds() / 2 * 1e9);
        for (int i = 0; i < 20_000 && System.nanoTime() < end; i++) {
            c.recorder().read(query, 0);
        }
    }

    private void measure(List<DcbContender> contenders, String tag, int expected, long size) {
        DcbQuery query = DcbQuery.of(DcbQueryItem.tags(tag));
        harness.measure("DCB read a tag of " + expected + " events, store of " + Scenarios.format(size), "reads/s", true,
                contenders, (c, round) -> Harness.throughput(1, harness.options().seconds(), () -> () -> {
                    int read = c.recorder().read(query, 0).events().size();
                    if (read != expected) {
                        throw new IllegalStateException("Read " + read + " events of " + tag + ", expected " + expected);
                    }
                    return 1;
                }));
    }

    /**
     * Appends batches of {@value #BATCH} filler events until the store holds {@code total}; ten
     * events evenly spread over the first 1% of the store also carry {@value #SMALL_TAG}, and a
     * hundred over the first 10% {@value #LARGER_TAG}.
     */
    private void fillTo(DcbRecorder recorder, long total) {
        long head = recorder.head().orElse(0);
        while (head < total) {
            int size = (int) Math.min(BATCH, total - head);
            List<DcbEvent> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                long n = head + i;
                Set<String> tags = new HashSet<>(List.of("entity:" + n / 10, "group:" + n % 100));
                if (n % spacing == 0 && n < store / 100) {
                    tags.add(SMALL_TAG);
                }
                if (n % spacing == 0 && n < store / 10) {
                    tags.add(LARGER_TAG);
                }
                batch.add(DcbEvents.event(TYPES.get((int) (n % TYPES.size())), tags));
            }
            head = recorder.append(batch);
        }
    }
}
