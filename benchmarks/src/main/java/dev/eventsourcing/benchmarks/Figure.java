package dev.eventsourcing.benchmarks;

import java.util.Arrays;
import java.util.Objects;

/**
 * The measured samples of one scenario for one contender, one sample per round.
 *
 * @param scenario       what was measured
 * @param unit           the unit of the samples, e.g. {@code events/s} or {@code ms}
 * @param higherIsBetter whether a larger sample is a better result (throughput) or not (time, memory)
 * @param contender      the contender's name
 * @param backend        where it keeps its events
 * @param samples        one value per measured round (never empty)
 */
public record Figure(String scenario, String unit, boolean higherIsBetter, String contender, Backend backend,
                     double[] samples) {

    public Figure {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(contender, "contender");
        Objects.requireNonNull(backend, "backend");
        samples = Objects.requireNonNull(samples, "samples").clone();
        if (samples.length == 0) {
            throw new IllegalArgumentException("A figure needs at least one sample: " + scenario + " of " + contender);
        }
    }

    @Override
    public double[] samples() {
        return samples.clone();
    }

    public double median() {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public double min() {
        return Arrays.stream(samples).min().orElseThrow();
    }

    public double max() {
        return Arrays.stream(samples).max().orElseThrow();
    }

    /** The spread of the samples around the median, as a fraction of it: (max - min) / median. */
    public double spread() {
        double median = median();
        return median == 0 ? 0 : (max() - min()) / median;
    }

    /**
     * How this figure compares with a baseline's, as a performance ratio: above 1 is better than
     * the baseline, whether the unit is a rate (this / baseline) or a cost (baseline / this).
     */
    public double ratioTo(Figure baseline) {
        double mine = median();
        double theirs = baseline.median();
        return higherIsBetter ? mine / theirs : theirs / mine;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Figure f && scenario.equals(f.scenario) && unit.equals(f.unit)
                && higherIsBetter == f.higherIsBetter && contender.equals(f.contender) && backend == f.backend
                && Arrays.equals(samples, f.samples);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scenario, unit, contender, backend) * 31 + Arrays.hashCode(samples);
    }
}
