/**
 * Test fixtures for users of the library. {@link dev.eventsourcing.testing.AggregateFixture}
 * tests an aggregate in plain unit tests, given its past events, when a command runs, then the
 * events it triggered, or the exception it threw; every event goes through the application's
 * {@link dev.eventsourcing.persistence.Mapper} and the aggregate is rebuilt as a repository
 * rebuilds it, so that a domain model that cannot be stored fails its unit test.
 * {@link dev.eventsourcing.testing.DcbFixture} does the same for applications of dynamic
 * consistency boundaries: given decisions with their tags (each checked to lie inside the
 * boundary of what is tested), when a slice executes or a command runs on an enduring object,
 * then the new decisions with their tags, or the refusal. Failures are
 * {@link java.lang.AssertionError}s with a message that shows what was expected and what
 * happened, so the fixture works with JUnit 5 or any other test framework.
 */
package dev.eventsourcing.testing;
