/**
 * Applications: saving aggregates atomically, repositories that rebuild them from events (with
 * snapshots and an optional cache), and the notification log that followers read in sections.
 */
package dev.eventsourcing.application;
