/**
 * What every layer shares: the unchecked exception tree that everything this library
 * throws belongs to, and the {@link dev.eventsourcing.Settings} that configure applications and
 * their infrastructure, and the {@link dev.eventsourcing.MetricsListener} told what they do.
 */
package dev.eventsourcing;
