/**
 * Event sourcing in CDI: the portable extension ({@link dev.eventsourcing.cdi.EventSourcingExtension})
 * that makes applications and {@code Repository<A>} injectable and dispatches stored events to
 * projection beans, the {@link dev.eventsourcing.cdi.Projection} stereotype that marks those
 * beans, and the {@link dev.eventsourcing.cdi.Projections} bean that reports their status and
 * waits for them (read-your-writes). Configuration comes from MicroProfile Config under the
 * prefix {@code eventsourcing.}; every key has a default, so a deployment with no configuration
 * runs on the in-memory store with synchronous dispatch.
 */
package dev.eventsourcing.cdi;
