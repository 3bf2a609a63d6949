/**
 * A plain benchmark harness: it runs the same scenarios (appends, aggregate loads with and without
 * snapshots, reading the notification log, process-application catch-up, dispatch latency, a
 * large log) on our recorders in memory and on JPA, on a raw JDBC baseline doing the same SQL
 * work on the same database, and on Axon Framework's JPA event store, and reports each figure
 * with its ratio to the baseline. Start it with {@link dev.eventsourcing.benchmarks.BenchmarkMain}
 * through the Maven profile {@code bench}; it is not part of the test run.
 */
package dev.eventsourcing.benchmarks;
