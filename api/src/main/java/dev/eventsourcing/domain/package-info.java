/**
 * The domain model's building blocks: {@link dev.eventsourcing.domain.Aggregate}, the base class
 * of event-sourced aggregates; {@link dev.eventsourcing.domain.AggregateEvent}, implemented by
 * the event records nested in them; {@link dev.eventsourcing.domain.DomainEvent}, the envelope
 * that carries an event's originator id, version and timestamp; and helpers for ids, class
 * versions and replay. Code in this package depends on nothing but the JDK, so that a domain
 * model built on it depends on nothing but this library's {@code api}.
 */
package dev.eventsourcing.domain;
