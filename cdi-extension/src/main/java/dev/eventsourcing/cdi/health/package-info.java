/**
 * MicroProfile Health checks of a deployment's event sourcing: a readiness check per
 * application (its event store answers) and per reader (a projection or process application:
 * caught up within {@link dev.eventsourcing.cdi.health.HealthSettings bounds}, nothing parked),
 * and a liveness check that fails while a worker is hung. The extension adds them as beans only
 * where the MicroProfile Health API is present; nothing here loads otherwise.
 */
package dev.eventsourcing.cdi.health;
