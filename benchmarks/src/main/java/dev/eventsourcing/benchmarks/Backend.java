package dev.eventsourcing.benchmarks;

/** Where a contender keeps its events: in the JVM's memory or in one of the three databases. */
public enum Backend {
    MEMORY("memory"),
    H2("H2"),
    POSTGRESQL("PostgreSQL"),
    MARIADB("MariaDB");

    private final String label;

    Backend(String label) {
        this.label = label;
    }

    /** The name shown in the results. */
    public String label() {
        return label;
    }
}
