/**
 * Helpers for tests that run inside the application server, such as Arquillian tests deployed
 * with the application: {@link dev.eventsourcing.testing.container.ContainerFixture} waits until
 * projections and process applications have caught up, and empties the event store between
 * tests where the test deployment allows it. It is a CDI bean of the deployment that contains
 * this module's jar, and uses the event sourcing CDI extension of that deployment.
 */
package dev.eventsourcing.testing.container;
