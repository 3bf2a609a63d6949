package dev.eventsourcing.benchmarks;

/** Something the harness measures and reports as a column: a name on a backend. */
interface Measured {

    /** The name in the results, e.g. {@code JPA} or {@code raw JDBC}. */
    String name();

    /** Where it keeps its events. */
    Backend backend();
}
