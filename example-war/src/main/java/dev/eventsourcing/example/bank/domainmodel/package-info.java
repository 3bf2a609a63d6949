/**
 * The bank's domain model: the event-sourced {@link dev.eventsourcing.example.bank.domainmodel.Account}
 * aggregate, its events and the rules it enforces. It depends on nothing but the library's
 * {@code api} module, so it runs the same in a unit test, in the single-threaded runner and in
 * an application server.
 */
package dev.eventsourcing.example.bank.domainmodel;
