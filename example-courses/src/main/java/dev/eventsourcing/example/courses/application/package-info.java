/**
 * The courses' application layer: the DCB application
 * ({@link dev.eventsourcing.example.courses.application.CourseSubscriptions}), which the CDI
 * extension makes on the deployment's JPA event store; an EJB
 * ({@link dev.eventsourcing.example.courses.application.Decisions}) that runs each slice and
 * perspective in a transaction; and the services the HTTP API calls, which decide a command again
 * when it lost a condition race, a bounded number of times, so that only real refusals reach the
 * client. Every read answers from the event store, never from a view that could lag.
 */
package dev.eventsourcing.example.courses.application;
