/**
 * Applications: saving aggregates atomically, repositories that rebuild them from events (with
 * snapshots and an optional cache), the notification log that followers read in sections, and
 * crypto-shredding: {@code Application.shred} deletes a subject's key and records a
 * {@link dev.eventsourcing.application.Shredding} in the log.
 */
package dev.eventsourcing.application;
