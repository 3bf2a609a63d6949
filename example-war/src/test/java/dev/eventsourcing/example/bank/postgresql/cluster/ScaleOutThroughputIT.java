package dev.eventsourcing.example.bank.postgresql.cluster;

import dev.eventsourcing.example.scaleout.SlowProjection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Not part of the build's tests: with {@code -Dscaleout.measure=true} this measures how fast 1,
 * then 2, then 3 nodes work off the scale-out test's backlog, each count on a fresh database,
 * for each segment count of {@code -Dscaleout.segments} (default {@code 1,12}: one segment is
 * one node at a time, as without segments), with a backlog of {@code -Dscaleout.samples} samples
 * of 50 events (default 400, so 20,000 notifications) and a handling time of
 * {@code -Dscaleout.handling-millis} (default 5). All nodes start before the backlog is made; the
 * rate is the backlog divided by the time from its first handling to its last. It prints a line
 * per run and the ratios to one node, and writes them to {@code target/scaleout/throughput.json}.
 * It checks that each run handled every notification once, and asserts no speed.
 */
@EnabledIfSystemProperty(named = "scaleout.measure", matches = "true")
class ScaleOutThroughputIT {

    private static final int SAMPLES = Integer.getInteger("scaleout.samples", 400);
    private static final int NOTIFICATIONS = SAMPLES * ScaleOutCluster.EVENTS;
    private static final long HANDLING_MILLIS = Long.getLong(SlowProjection.HANDLING_MILLIS_PROPERTY,
            SlowProjection.HANDLING_MILLIS);
    private static final Duration PROCESSING = Duration.ofMinutes(8);

    /** One run: a segment count, a node count, and what came of it. */
    private record Run(int segments, int nodes, double perSecond, Map<String, Long> perNode) {
    }

    @Test
    void measuresTheBacklogsRateWithOneTwoAndThreeNodes() throws Exception {
        List<Run> runs = new ArrayList<>();
        for (int segments : segmentCounts()) {
            for (int nodes = 1; nodes <= 3; nodes++) {
                runs.add(run(segments, nodes));
                System.out.println(describe(runs, runs.get(runs.size() - 1)));
            }
        }
        Path json = Path.of(System.getProperty("bank.war", "target/bank.war")).toAbsolutePath()
                .resolveSibling("scaleout").resolve("throughput.json");
        Files.writeString(json, json(runs));
        System.out.println("Scale-out throughput written to " + json);
    }

    private static Run run(int segments, int nodes) throws Exception {
        try (ScaleOutCluster cluster = ScaleOutCluster.provision("scaleout_measure", nodes, segments,
                ScaleOutIT.LEASE, HANDLING_MILLIS)) {
            List<WildFlyNode> all = new ArrayList<>();
            for (int number = 1; number <= nodes; number++) {
                all.add(cluster.node(number));
            }
            cluster.startTogether(all);
            cluster.makeBacklog(cluster.node(1), SAMPLES);
            HandledRows handled = cluster.handled();
            ScaleOutCluster.await("the whole backlog is handled", PROCESSING,
                    () -> handled.distinctHandled() == NOTIFICATIONS);
            assertEquals(0, handled.duplicates(), "notifications handled more than once");
            return new Run(segments, nodes, NOTIFICATIONS * 1000.0 / handled.span().toMillis(), handled.perNode());
        }
    }

    private static List<Integer> segmentCounts() {
        return Arrays.stream(System.getProperty("scaleout.segments", "1,12").split(","))
                .map(String::strip).map(Integer::valueOf).toList();
    }

    private static double ratio(List<Run> runs, Run run) {
        return runs.stream().filter(r -> r.segments() == run.segments() && r.nodes() == 1).findFirst()
                .map(one -> run.perSecond() / one.perSecond()).orElse(1.0);
    }

    private static String describe(List<Run> runs, Run run) {
        return String.format(Locale.ROOT, "Scale-out throughput: %d segment(s), %d node(s): %.0f notifications/s"
                        + " (%.2fx one node), %d notifications of %d ms each; per node %s", run.segments(), run.nodes(),
                run.perSecond(), ratio(runs, run), NOTIFICATIONS, HANDLING_MILLIS, run.perNode());
    }

    private static String json(List<Run> runs) {
        String items = runs.stream().map(run -> String.format(Locale.ROOT,
                "    {\"segments\": %d, \"nodes\": %d, \"notificationsPerSecond\": %.1f, \"ratioToOneNode\": %.3f,"
                        + " \"perNode\": {%s}}", run.segments(), run.nodes(), run.perSecond(), ratio(runs, run),
                run.perNode().entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                        .collect(Collectors.joining(", "))))
                .collect(Collectors.joining(",\n"));
        return "{\n  \"notifications\": " + NOTIFICATIONS + ",\n  \"handlingMillis\": " + HANDLING_MILLIS
                + ",\n  \"leaseMillis\": " + ScaleOutIT.LEASE.toMillis() + ",\n  \"runs\": [\n" + items + "\n  ]\n}\n";
    }
}
