/**
 * Projections: materialised views written from an application's events, each event applied
 * exactly once because its position is recorded in the same transaction as the view's writes,
 * and the runner that feeds a projection in the background.
 */
package dev.eventsourcing.projection;
