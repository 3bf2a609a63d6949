/**
 * Test fixtures for users of the library. {@link dev.eventsourcing.testing.AggregateFixture}
 * tests an aggregate in plain unit tests, given its past events, when a command runs, then the
 * events it triggered, or the exception it threw; every event goes through the application's
 * {@link dev.eventsourcing.persistence.Mapper} and the aggregate is rebuilt as a repository
 * rebuilds it, so that a domain model that cannot be stored fails its unit test. Failures are
 * {@link java.lang.AssertionError}s with a message that shows what was expected and what
 * happened, so the fixture works with JUnit 5 or any other test framework.
 */
package dev.eventsourcing.testing;
