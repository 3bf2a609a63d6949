package dev.eventsourcing.testing;

import dev.eventsourcing.domain.AggregateEvent;
import dev.eventsourcing.domain.DomainEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Given events that no store could hold are refused as they are given, with what is wrong. */
class GivenEventsTest {

    private static final Instant NOW = Instant.now();

    @Test
    void anEventOfAnotherAggregateTypeIsRefused() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        AggregateEvent<Order> foreign = (AggregateEvent) new Faulty.Made();

        String message = assertThrows(IllegalArgumentException.class,
                () -> AggregateFixture.of(Order.class).given(new Order.Placed("Alice"), foreign)).getMessage();

        assertEquals("Given event 2 (Faulty.Made) is an event of Faulty, not of Order", message);
    }

    @Test
    void aVersionThatIsNotTheNextIsRefused() {
        UUID id = UUID.randomUUID();

        String message = assertThrows(IllegalArgumentException.class, () -> AggregateFixture.of(Order.class).given(
                new DomainEvent<>(id, 1, NOW, new Order.Placed("Alice")),
                new DomainEvent<>(id, 3, NOW, new Order.ItemAdded("pen", 1)))).getMessage();

        assertEquals("Given event 2 (Order.ItemAdded) has originator version 3; it must be 2: the given events are"
                + " the aggregate's history from version 1, without gaps", message);
    }

    @Test
    void anEventOfAnotherOriginatorIsRefused() {
        UUID id = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        String message = assertThrows(IllegalArgumentException.class, () -> AggregateFixture.of(Order.class).given(
                new DomainEvent<>(id, 1, NOW, new Order.Placed("Alice")),
                new DomainEvent<>(other, 2, NOW, new Order.ItemAdded("pen", 1)))).getMessage();

        assertEquals("Given event 2 (Order.ItemAdded) has originator id " + other + ", but the aggregate is " + id
                + " (from the given event 1)", message);
    }

    @Test
    void anEventWithAnotherIdThanTheChosenOneIsRefused() {
        UUID chosen = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        String message = assertThrows(IllegalArgumentException.class, () -> AggregateFixture.of(Order.class)
                .withId(chosen).given(new DomainEvent<>(other, 1, NOW, new Order.Placed("Alice")))).getMessage();

        assertEquals("Given event 1 (Order.Placed) has originator id " + other + ", but the aggregate is " + chosen
                + " (chosen with withId)", message);
    }

    @Test
    void anIdChosenAfterEventsOfAnotherIdIsRefused() {
        AggregateFixture<Order> fixture = AggregateFixture.of(Order.class).given(new Order.Placed("Alice"));
        UUID chosen = UUID.randomUUID();

        String message = assertThrows(IllegalStateException.class, () -> fixture.withId(chosen)).getMessage();

        assertEquals("Choose the aggregate's id before giving events: the given events belong to " + fixture.id()
                + ", not to " + chosen, message);
    }

    @Test
    void aPayloadThatIsNoAggregateEventIsRefused() {
        String message = assertThrows(IllegalArgumentException.class, () -> AggregateFixture.of(Order.class)
                .given(new DomainEvent<>(UUID.randomUUID(), 1, NOW, "placed"))).getMessage();

        assertEquals("Given event 1 is not an aggregate event: placed", message);
    }

    @Test
    void aNullEventIsRefusedWithItsPosition() {
        String message = assertThrows(NullPointerException.class, () -> AggregateFixture.of(Order.class)
                .given(new Order.Placed("Alice"), null)).getMessage();

        assertEquals("given event 2", message);
    }
}
