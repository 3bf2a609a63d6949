/**
 * Projections: materialised views written from an application's events, each event applied
 * exactly once because a runner records its position in the same transaction as the view's
 * writes; what a runner does with a notification that keeps failing ({@code FailurePolicy}); and
 * what is left of an event whose personal data was shredded ({@code ShreddedEvent}).
 */
package dev.eventsourcing.projection;
