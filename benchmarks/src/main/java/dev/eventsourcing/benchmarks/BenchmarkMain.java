package dev.eventsourcing.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * Runs the benchmark: every scenario on every contender of each chosen backend, then prints the
 * results table and writes them as JSON ({@code bench.output}) and Markdown (beside it).
 *
 * <p>Start it with {@code mvn -B -pl benchmarks -am -Pbench -DskipTests verify} (see the README);
 * options are system properties described in {@link Options}.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.fromSystemProperties();
        Map<String, String> environment = Environment.describe(options);
        environment.forEach((k, v) -> System.out.println(k + ": " + v));
        long start = System.nanoTime();
        Harness harness = new Harness(options);
        for (Backend backend : Backend.values()) {
            if (!options.backends().contains(backend)) {
                continue;
            }
            System.out.println("== " + backend.label());
            if (options.suites().contains("classic")) {
                runClassic(harness, backend);
            }
            if (options.suites().contains("topics")) {
                new TopicScenario(harness).run(backend);
            }
            if (options.suites().contains("cost")) {
                new AppendCostScenario(harness).run(backend);
            }
            if (options.suites().contains("dcb")) {
                new DcbScenarios(harness).runAll(DcbContenders.of(backend));
            }
        }
        Report report = new Report(harness.figures(), environment, harness.notes());
        System.out.println();
        System.out.println(report.text());
        System.out.println(report.markdown());
        report.writeJson(options.output());
        Files.writeString(options.output().resolveSibling("benchmark-results.md"), report.markdown());
        System.out.printf("Finished in %.0f s; results in %s%n", (System.nanoTime() - start) / 1e9, options.output());
    }

    private static void runClassic(Harness harness, Backend backend) throws Exception {
        List<Contender> contenders = Contenders.of(backend, harness.options().contenders());
        try {
            new Scenarios(harness).runAll(contenders);
        } finally {
            contenders.forEach(Contender::close);
        }
    }
}
