package dev.eventsourcing.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The DCB scenarios: decisions (a read of the new events of a boundary, then a conditional
 * append) by 1 and 8 writers on boundaries of their own, by 8 writers on one boundary (counting
 * the appends that lose the race), then reads by tag on stores growing to {@code bench.dcb.store}
 * events ({@link DcbReadScenario}). Each group starts on a store of its own.
 */
final class DcbScenarios {

    static final String DECIDE_1 = "DCB decisions, 1 writer";
    static final String DECIDE_8 = "DCB decisions, 8 writers, disjoint boundaries";
    static final String ONE_BOUNDARY = "DCB decisions, 8 writers, one boundary";
    static final String ONE_BOUNDARY_CONFLICTS = "DCB lost races per 1,000 decisions, 8 writers, one boundary";

    private final Harness harness;
    private final Options options;

    DcbScenarios(Harness harness) {
        this.harness = harness;
        this.options = harness.options();
    }

    /** Runs every DCB scenario on contenders of one backend, each made fresh by its factory. */
    void runAll(List<Supplier<DcbContender>> factories) throws Exception {
        List<DcbContender> contenders = open(factories);
        try {
            contenders.forEach(this::warmUp);
            decisions(contenders);
            oneBoundary(contenders);
        } finally {
            contenders.forEach(DcbContender::close);
        }
        contenders = open(factories);
        try {
            new DcbReadScenario(harness).run(contenders);
        } finally {
            contenders.forEach(DcbContender::close);
        }
    }

    private static List<DcbContender> open(List<Supplier<DcbContender>> factories) {
        return factories.stream().map(Supplier::get).toList();
    }

    private void warmUp(DcbContender c) {
        long end = System.nanoTime() + (long) (options.warmupSeconds() * 1e9);
        DcbEvents.Decider decider = new DcbEvents.Decider(c.recorder(), "warm-up");
        for (int i = 0; i < 20_000 && System.nanoTime() < end; i++) {
            decider.decide();
        }
        c.analyzer().run();
    }

    private void decisions(List<DcbContender> contenders) {
        double seconds = options.seconds();
        harness.measure(DECIDE_1, "decisions/s", true, contenders,
                (c, round) -> Harness.throughput(1, seconds, () -> ownBoundary(c)));
        harness.measure(DECIDE_8, "decisions/s", true, contenders,
                (c, round) -> Harness.throughput(8, seconds, () -> ownBoundary(c)));
    }

    private static IntSupplier ownBoundary(DcbContender c) {
        DcbEvents.Decider decider = new DcbEvents.Decider(c.recorder(), "student:" + UUID.randomUUID());
        return () -> {
            if (!decider.decide()) {
                throw new IllegalStateException("A decision on a boundary of its own lost a race");
            }
            return 1;
        };
    }

    /**
     * Eight writers race on one boundary: the figures are the decisions appended per second and
     * how many appends lost the race per thousand decisions appended (a loser reads again and
     * decides again).
     */
    private void oneBoundary(List<DcbContender> contenders) throws Exception {
        Map<DcbContender, double[][]> samples = new LinkedHashMap<>();
        for (DcbContender c : contenders) {
            samples.put(c, new double[2][options.rounds()]);
        }
        for (int round = 0; round <= options.rounds(); round++) {
            for (DcbContender c : contenders) {
                String course = "course:" + UUID.randomUUID();
                AtomicLong conflicts = new AtomicLong();
                AtomicLong appended = new AtomicLong();
                double rate = Harness.throughput(8, options.seconds(), () -> {
                    DcbEvents.Decider decider = new DcbEvents.Decider(c.recorder(), course);
                    return () -> {
                        boolean won = decider.decide();
                        (won ? appended : conflicts).incrementAndGet();
                        return won ? 1 : 0;
                    };
                });
                if (round > 0) {
                    samples.get(c)[0][round - 1] = rate;
                    samples.get(c)[1][round - 1] = 1000.0 * conflicts.get() / Math.max(1, appended.get());
                }
            }
        }
        samples.forEach((c, values) -> {
            harness.record(new Figure(ONE_BOUNDARY, "decisions/s", true, c.name(), c.backend(), values[0]));
            harness.record(new Figure(ONE_BOUNDARY_CONFLICTS, "lost races", false, c.name(), c.backend(), values[1]));
        });
    }
}
