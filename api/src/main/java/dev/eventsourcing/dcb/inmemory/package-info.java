/**
 * The in-memory DCB recorder: events kept in this JVM's memory with an index of positions per tag
 * and per type, for unit tests and for trying DCB without a database. It honours the same
 * contract as the database recorders (atomic conditional appends, one gap-free order of
 * positions, subscriptions that wake on appends) and is safe to share between threads, but loses
 * everything when the JVM stops.
 */
package dev.eventsourcing.dcb.inmemory;
