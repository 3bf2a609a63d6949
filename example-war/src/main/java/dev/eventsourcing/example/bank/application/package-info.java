/**
 * The bank's application services: the {@link dev.eventsourcing.example.bank.application.Accounts}
 * EJB, whose container-managed transaction saves an account's new events, the read model of
 * account summaries kept by a projection, and the notification log that other systems follow.
 * Commands that lose an optimistic-concurrency race are retried by
 * {@link dev.eventsourcing.example.bank.application.ConflictRetry}, outside the transaction that
 * lost.
 */
package dev.eventsourcing.example.bank.application;
