/**
 * Projections: materialised views written from an application's events, each event applied
 * exactly once because a runner records its position in the same transaction as the view's
 * writes; and what a runner does with a notification that keeps failing ({@code FailurePolicy}).
 */
package dev.eventsourcing.projection;
