package dev.eventsourcing.testing;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.domain.DomainEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given events and commands: how the aggregate is built, and what the fixture refuses. */
class CommandsTest {

    @Test
    void theGivenEventsBuildTheAggregateUnderTheFixturesIdAtTheirVersion() {
        AggregateFixture<Order> fixture = AggregateFixture.of(Order.class)
                .given(new Order.Placed("Alice"), new Order.ItemAdded("pen", 2));

        Order order = fixture.when(o -> { }).thenNoEvents().aggregate();

        assertEquals(fixture.id(), order.id());
        assertEquals(2, order.version());
        assertEquals("Alice", order.customer());
        assertEquals(List.of("2 pen"), order.items());
    }

    @Test
    void theEventsAreStoredInTheApplicationGivenWithPersonalDataEncryptedForTheirSubject() {
        Application shop = new Application("Shop", dev.eventsourcing.Settings.empty());
        AggregateFixture<Order> fixture = AggregateFixture.of(Order.class, shop).given(new Order.Placed("Alice"));

        fixture.when(order -> order.add("pen", 1)).then(new Order.ItemAdded("pen", 1));

        List<DomainEvent<?>> stored = shop.events().get(fixture.id());
        assertEquals(List.of(new Order.Placed("Alice"), new Order.ItemAdded("pen", 1)),
                stored.stream().map(DomainEvent::payload).toList());
        assertTrue(shop.mapper().subjectKeyRecorder().orElseThrow().select(fixture.id()).isPresent(),
                "the personal event was encrypted with its subject's key");
    }

    @Test
    void aChosenIdIsTheAggregates() {
        UUID id = UUID.randomUUID();

        Order order = AggregateFixture.of(Order.class).withId(id).given(new Order.Placed("Alice"))
                .when(o -> o.add("pen", 1)).aggregate();

        assertEquals(id, order.id());
    }

    @Test
    void eventsGivenWithIdsAndVersionsKeepThemAndTheirTimes() {
        UUID id = UUID.randomUUID();
        Instant placedAt = Instant.parse("2026-01-02T03:04:05.123456789Z");
        AggregateFixture<Order> fixture = AggregateFixture.of(Order.class)
                .given(new DomainEvent<>(id, 1, placedAt, new Order.Placed("Alice")))
                .given(new Order.ItemAdded("pen", 1));

        Order order = fixture.when(o -> o.add("ink", 1)).aggregate();

        assertEquals(id, fixture.id());
        assertEquals(placedAt, order.createdOn());
        assertEquals(3, order.version());
    }

    @Test
    void aCreationCommandMakesANewAggregateFromItsEvents() {
        Outcome<Order> outcome = AggregateFixture.of(Order.class)
                .whenCreating(() -> Order.place("Bob"))
                .then(new Order.Placed("Bob"))
                .thenState(order -> assertEquals("Bob", order.customer()));

        assertEquals(1, outcome.aggregate().version());
        assertNotNull(outcome.aggregate().id());
    }

    @Test
    void aCreationCommandThatThrowsLeavesNoAggregate() {
        Outcome<Order> outcome = AggregateFixture.of(Order.class)
                .whenCreating(() -> Order.place(" "))
                .thenThrows(IllegalArgumentException.class, "customer must not be blank");

        AssertionError error = assertThrows(AssertionError.class, outcome::aggregate);
        assertTrue(error.getMessage().startsWith("There is no aggregate: the creation command threw"), error.getMessage());
    }

    @Test
    void aCreationCommandMustReturnANewAggregate() {
        String none = assertThrows(IllegalStateException.class,
                () -> AggregateFixture.of(Order.class).whenCreating(() -> null)).getMessage();
        String saved = assertThrows(IllegalStateException.class, () -> AggregateFixture.of(Order.class).whenCreating(() -> {
            Order order = Order.place("Carol");
            order.collectEvents();
            return order;
        })).getMessage();

        assertEquals("The creation command returned null, not a new Order made with Aggregate.create(...)"
                + " and not yet saved", none);
        assertTrue(saved.startsWith("The creation command returned Order[id="), saved);
    }

    @Test
    void aCommandNeedsGivenEventsAndACreationNeedsNone() {
        String noHistory = assertThrows(IllegalStateException.class,
                () -> AggregateFixture.of(Order.class).when(order -> order.add("pen", 1))).getMessage();
        String history = assertThrows(IllegalStateException.class, () -> AggregateFixture.of(Order.class)
                .given(new Order.Placed("Alice")).whenCreating(() -> Order.place("Bob"))).getMessage();

        assertEquals("when(...) runs a command on an existing Order: give its events first, or test a command that"
                + " creates one with whenCreating(...)", noHistory);
        assertEquals("whenCreating(...) starts a new Order, so it takes no given events; use when(...) for a command"
                + " on an existing one", history);
    }

    @Test
    void aFixtureRunsOneCommand() {
        AggregateFixture<Order> fixture = AggregateFixture.of(Order.class).given(new Order.Placed("Alice"));
        fixture.when(order -> order.add("pen", 1));

        String message = assertThrows(IllegalStateException.class, () -> fixture.when(order -> order.add("pen", 1)))
                .getMessage();

        assertEquals("This fixture ran its command already: make a new fixture for each test", message);
    }
}
