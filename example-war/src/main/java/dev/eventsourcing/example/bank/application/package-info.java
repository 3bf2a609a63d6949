/**
 * The bank's applications and services: the {@link dev.eventsourcing.example.bank.application.Bank}
 * and {@link dev.eventsourcing.example.bank.application.Transfers} process applications, which
 * follow each other as the {@link dev.eventsourcing.example.bank.application.BankSystem} says;
 * the {@link dev.eventsourcing.example.bank.application.Accounts} and
 * {@link dev.eventsourcing.example.bank.application.MoneyTransfers} EJBs, whose container-managed
 * transactions save new events; the read model of account summaries kept by a projection; and
 * the notification log that other systems follow.
 * Commands that lose an optimistic-concurrency race are retried by
 * {@link dev.eventsourcing.example.bank.application.ConflictRetry}, outside the transaction that
 * lost.
 */
package dev.eventsourcing.example.bank.application;
