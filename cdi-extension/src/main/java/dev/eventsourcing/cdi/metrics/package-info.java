/**
 * Metrics of a deployment's event sourcing through OpenTelemetry, where the server provides an
 * {@code OpenTelemetry} bean (MicroProfile Telemetry): appends, append latency, and per reader
 * processed notifications, retries, parkings, parked notifications and lag. The extension loads
 * these classes only where the OpenTelemetry API is present; elsewhere there are no metrics and
 * no error. The names and units are in the module's README.
 */
package dev.eventsourcing.cdi.metrics;
