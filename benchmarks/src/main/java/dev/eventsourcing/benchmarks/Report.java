package dev.eventsourcing.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prints progress while the benchmark runs, and at the end a table (plain text and Markdown)
 * with every figure's median, spread and ratio to the raw JDBC baseline on the same backend, plus
 * the same data as JSON.
 */
final class Report {

    static final String BASELINE = "raw JDBC";

    private final List<Figure> figures;
    private final Map<String, String> environment;
    private final List<String> notes;

    Report(List<Figure> figures, Map<String, String> environment, List<String> notes) {
        this.figures = List.copyOf(figures);
        this.environment = Map.copyOf(environment);
        this.notes = List.copyOf(notes);
    }

    static void progress(Figure f) {
        System.out.printf(Locale.ROOT, "  %-48s %-10s %-10s %12s %-8s (spread %s)%n", f.scenario(), f.contender(),
                f.backend().label(), number(f.median()), f.unit(), percent(f));
        System.out.flush();
    }

    static void note(String message) {
        System.out.println("  - " + message);
        System.out.flush();
    }

    /** The baseline figure of the same scenario on the same backend, if one was measured. */
    Optional<Figure> baselineOf(Figure f) {
        return figures.stream().filter(b -> b.contender().equals(BASELINE) && b.backend() == f.backend()
                && b.scenario().equals(f.scenario())).findFirst();
    }

    /**
     * The figure's ratio to the baseline, when there is one. Heap figures get none: the
     * baseline's live heap is close to zero, so a ratio would only show noise.
     */
    Optional<Double> ratioOf(Figure f) {
        if (f.unit().equals("MB")) {
            return Optional.empty();
        }
        return baselineOf(f).map(f::ratioTo);
    }

    /** Columns: one per contender and backend, in the order first measured. */
    private List<String> columns() {
        Set<String> columns = new LinkedHashSet<>();
        figures.forEach(f -> columns.add(column(f)));
        return new ArrayList<>(columns);
    }

    private static String column(Figure f) {
        return f.contender() + (f.backend() == Backend.MEMORY ? "" : " / " + f.backend().label());
    }

    private Map<String, Map<String, Figure>> byScenario() {
        Map<String, Map<String, Figure>> rows = new LinkedHashMap<>();
        for (Figure f : figures) {
            rows.computeIfAbsent(f.scenario() + " (" + f.unit() + ")", k -> new LinkedHashMap<>()).put(column(f), f);
        }
        return rows;
    }

    /**
     * A cell: median, the ratio to the baseline when there is one ("1.00" for the baseline
     * itself), and the spread of the rounds, e.g. {@code 6,310 (0.91×, ±4%)}.
     */
    private String cell(Figure f) {
        if (f == null) {
            return "n/a";
        }
        String ratio = ratioOf(f).map(r -> String.format(Locale.ROOT, "%.2f×, ", r)).orElse("");
        return number(f.median()) + " (" + ratio + (f.samples().length < 2 ? "" : "±") + percent(f) + ")";
    }

    /** The Markdown table that goes into the README. */
    String markdown() {
        List<String> columns = columns();
        StringBuilder out = new StringBuilder("| scenario | " + String.join(" | ", columns) + " |\n");
        out.append("|---".repeat(columns.size() + 1)).append("|\n");
        byScenario().forEach((scenario, cells) -> {
            out.append("| ").append(scenario);
            for (String column : columns) {
                out.append(" | ").append(cell(cells.get(column)));
            }
            out.append(" |\n");
        });
        return out.toString();
    }

    /** The plain-text summary: one line per figure, with spread and ratio, then the notes. */
    String text() {
        StringBuilder out = new StringBuilder();
        notes.forEach(note -> out.append("note: ").append(note).append('\n'));
        byScenario().forEach((scenario, cells) -> {
            out.append(scenario).append('\n');
            cells.forEach((column, f) -> out.append(String.format(Locale.ROOT, "    %-26s %12s  spread %-5s %s%n", column,
                    number(f.median()), percent(f), ratioOf(f).map(r -> String.format(Locale.ROOT, "%.2f× raw", r)).orElse(""))));
        });
        return out.toString();
    }

    /** Writes the JSON file: environment, then one object per figure. */
    void writeJson(Path path) {
        StringBuilder json = new StringBuilder("{\n  \"environment\": {");
        String sep = "\n";
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(environment).entrySet()) {
            json.append(sep).append("    ").append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
            sep = ",\n";
        }
        json.append("\n  },\n  \"notes\": [");
        sep = "\n";
        for (String note : notes) {
            json.append(sep).append("    ").append(quote(note));
            sep = ",\n";
        }
        json.append("\n  ],\n  \"figures\": [");
        sep = "\n";
        for (Figure f : figures) {
            json.append(sep).append("    {\"scenario\": ").append(quote(f.scenario()))
                    .append(", \"contender\": ").append(quote(f.contender()))
                    .append(", \"backend\": ").append(quote(f.backend().label()))
                    .append(", \"unit\": ").append(quote(f.unit()))
                    .append(", \"higherIsBetter\": ").append(f.higherIsBetter())
                    .append(", \"median\": ").append(json(f.median()))
                    .append(", \"min\": ").append(json(f.min()))
                    .append(", \"max\": ").append(json(f.max()))
                    .append(", \"spread\": ").append(json(f.spread()))
                    .append(", \"samples\": ").append(samples(f))
                    .append(", \"ratioToRawJdbc\": ").append(ratioOf(f).map(Report::json).orElse("null"))
                    .append('}');
            sep = ",\n";
        }
        json.append("\n  ]\n}\n");
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, json);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing " + path, e);
        }
    }

    private static String samples(Figure f) {
        List<String> values = new ArrayList<>();
        for (double s : f.samples()) {
            values.add(json(s));
        }
        return "[" + String.join(", ", values) + "]";
    }

    private static String json(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    static String number(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }

    private static String percent(Figure f) {
        return f.samples().length < 2 ? "1 run" : String.format(Locale.ROOT, "%.0f%%", 100 * f.spread());
    }
}
