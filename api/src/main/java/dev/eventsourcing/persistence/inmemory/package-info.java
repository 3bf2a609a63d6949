/**
 * Recorders that keep everything in memory: the embedded default for unit tests and for running
 * a whole system in one thread. They honour the same contracts as the database recorders (atomic
 * batches, optimistic concurrency, a gap-free total order, exactly-once tracking) and are safe to
 * share between threads, but lose everything when the JVM stops.
 */
package dev.eventsourcing.persistence.inmemory;
