package dev.eventsourcing.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * How long and how much to measure, read from system properties ({@code -Dbench.rounds=5}).
 *
 * @param rounds        measured rounds per scenario and contender (after one warm-up round)
 * @param seconds       length of one timed round, in seconds
 * @param logSize       notifications in the log for the read and catch-up scenarios
 * @param largeLogSize  notifications stored before the "after 1M" and memory scenarios
 * @param latencyRate   events per second appended while measuring dispatch latency
 * @param latencySeconds how long the latency scenario appends
 * @param warmupSeconds how long each contender runs a mixed workload before it is measured
 * @param capSeconds    the longest one round of reading or catching up may take (the large log
 *                      gets three times as long); a capped round reports the rate of what it did
 * @param dcbStoreSize  DCB events stored at the end of the reads by tag (a multiple of 1,000, at least 100,000)
 * @param suites        the suites to run: {@code classic} (the recorders of aggregates and logs), {@code dcb}
 *                      (the DCB recorders), {@code topics} (a projection of some types catching up; see
 *                      {@link TopicScenario}), {@code cost} (a single append on PostgreSQL taken apart; see
 *                      {@link AppendCostScenario})
 * @param backends      the backends to run
 * @param contenders    the names of the contenders to run besides the baseline; empty for all
 * @param output        where the JSON results go
 */
public record Options(int rounds, double seconds, long logSize, long largeLogSize, int latencyRate,
                      double latencySeconds, double warmupSeconds, double capSeconds, long dcbStoreSize,
                      Set<String> suites, Set<Backend> backends,
                      Set<String> contenders, Path output) {

    public Options {
        if (rounds < 1) {
            throw new IllegalArgumentException("bench.rounds must be at least 1, was " + rounds);
        }
        if (seconds <= 0 || latencySeconds <= 0) {
            throw new IllegalArgumentException("bench.seconds and bench.latency.seconds must be positive");
        }
        if (logSize < 1000 || largeLogSize < logSize) {
            throw new IllegalArgumentException("bench.log must be at least 1000 and bench.large-log at least bench.log");
        }
        if (dcbStoreSize < 100_000 || dcbStoreSize % 1000 != 0) {
            throw new IllegalArgumentException("bench.dcb.store must be a multiple of 1,000 of at least 100,000, was "
                    + dcbStoreSize);
        }
        if (suites.isEmpty() || !SUITES.containsAll(suites)) {
            throw new IllegalArgumentException("bench.suites: " + suites + "; known: " + SUITES);
        }
        suites = Set.copyOf(suites);
        backends = Set.copyOf(backends);
        contenders = Set.copyOf(contenders);
    }

    /** The suites of scenarios there are. */
    public static final Set<String> SUITES = Set.of("classic", "dcb", "topics", "cost");

    /**
     * Whether the classic suite runs only its dispatch-latency scenario (after the warm-up):
     * {@code -Dbench.latency.only=true}; false by default.
     *
     * @return true to measure latency alone
     */
    public static boolean latencyOnly() {
        return Boolean.getBoolean("bench.latency.only");
    }

    /**
     * Whether the classic suite runs only its append scenarios (after the warm-up), for a quick
     * look at the write path: {@code -Dbench.appends.only=true}; false by default.
     *
     * @return true to measure appends alone
     */
    public static boolean appendsOnly() {
        return Boolean.getBoolean("bench.appends.only");
    }

    /**
     * Whether the classic suite runs only its aggregate-load scenarios (after the warm-up), with
     * and without a snapshot, and the load of an aggregate through the application:
     * {@code -Dbench.loads.only=true}; false by default.
     *
     * @return true to measure loads alone
     */
    public static boolean loadsOnly() {
        return Boolean.getBoolean("bench.loads.only");
    }

    /**
     * Whether our JPA recorders on PostgreSQL wake their subscriptions by {@code LISTEN/NOTIFY}
     * (the store's setting {@code jpa.push}): {@code -Dbench.jpa.push=false} measures them
     * polling; true by default, as a user gets them.
     *
     * @return the value of {@code jpa.push} for the JPA contenders
     */
    public static boolean jpaPush() {
        return Boolean.parseBoolean(System.getProperty("bench.jpa.push", "true"));
    }

    /** The options given as system properties, with the defaults of the documented run. */
    public static Options fromSystemProperties() {
        return new Options(
                Integer.getInteger("bench.rounds", 3),
                Double.parseDouble(System.getProperty("bench.seconds", "0.4")),
                Long.getLong("bench.log", 100_000),
                Long.getLong("bench.large-log", 1_000_000),
                Integer.getInteger("bench.latency.rate", 200),
                Double.parseDouble(System.getProperty("bench.latency.seconds", "2")),
                Double.parseDouble(System.getProperty("bench.warmup", "10")),
                Double.parseDouble(System.getProperty("bench.cap", "1.5")),
                Long.getLong("bench.dcb.store", 1_000_000),
                names(System.getProperty("bench.suites", "classic,dcb")),
                backends(System.getProperty("bench.backends", "memory,h2,postgresql,mariadb")),
                names(System.getProperty("bench.contenders", "")),
                Path.of(System.getProperty("bench.output", "target/benchmark-results.json")));
    }

    private static Set<String> names(String list) {
        Set<String> names = new java.util.HashSet<>();
        for (String name : list.split(",")) {
            if (!name.isBlank()) {
                names.add(name.trim());
            }
        }
        return names;
    }

    private static Set<Backend> backends(String names) {
        Set<Backend> chosen = EnumSet.noneOf(Backend.class);
        for (String name : names.split(",")) {
            String wanted = name.trim().toUpperCase(Locale.ROOT);
            chosen.add(Arrays.stream(Backend.values()).filter(b -> b.name().equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("bench.backends: unknown backend '" + name.trim()
                            + "'; known: memory, h2, postgresql, mariadb")));
        }
        return chosen;
    }
}
