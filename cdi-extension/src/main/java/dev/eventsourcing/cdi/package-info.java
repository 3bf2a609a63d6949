/**
 * Event sourcing in CDI: the portable extension ({@link dev.eventsourcing.cdi.EventSourcingExtension})
 * that makes applications and {@code Repository<A>} injectable and hands the deployment's
 * applications and projection beans to api's {@code MultiThreadedRunner}, and the
 * {@link dev.eventsourcing.cdi.Projection} stereotype that marks projection beans. The runner is
 * injectable as {@code Readers} (status, read-your-writes) and {@code ParkedNotifications}.
 * Configuration comes from MicroProfile Config under the prefix {@code eventsourcing.}; every key
 * has a default, so a deployment with no configuration runs on the in-memory store with
 * synchronous dispatch.
 */
package dev.eventsourcing.cdi;
