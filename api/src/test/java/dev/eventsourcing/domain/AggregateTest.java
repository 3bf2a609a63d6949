package dev.eventsourcing.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AggregateTest {

    static class Dog extends Aggregate {
        private String name;
        private final List<String> tricks = new ArrayList<>();

        static Dog register(String name) {
            return create(Dog::new, new Registered(name));
        }

        static Dog register(UUID id, String name) {
            return create(id, Dog::new, new Registered(name));
        }

        void addTrick(String trick) {
            trigger(new TrickAdded(trick));
        }

        void misuse() {
            trigger(new Renamed("x"));
        }

        sealed interface Event extends AggregateEvent<Dog> permits Registered, TrickAdded {
        }

        record Registered(String name) implements Event {
            @Override
            public void apply(Dog dog) {
                dog.name = name;
            }
        }

        record TrickAdded(String trick) implements Event {
            @Override
            public void apply(Dog dog) {
                dog.tricks.add(trick);
            }
        }
    }

    static class Cat extends Aggregate {
    }

    record Renamed(String name) implements AggregateEvent<Cat> {
    }

    @Test
    void creatingAnAggregateTriggersItsFirstEvent() {
        Dog dog = Dog.register("Fido");
        assertEquals("Fido", dog.name);
        assertEquals(1, dog.version());
        assertEquals(dog.createdOn(), dog.modifiedOn());
        List<DomainEvent<?>> events = dog.collectEvents();
        assertEquals(1, events.size());
        assertEquals(dog.id(), events.get(0).originatorId());
        assertEquals(1, events.get(0).originatorVersion());
        assertEquals(new Dog.Registered("Fido"), events.get(0).payload());
        assertFalse(dog.hasPendingEvents());
    }

    @Test
    void commandsTriggerEventsThatChangeStateAndVersion() {
        Dog dog = Dog.register("Fido");
        dog.addTrick("roll over");
        dog.addTrick("play dead");
        assertEquals(List.of("roll over", "play dead"), dog.tricks);
        assertEquals(3, dog.version());
        List<DomainEvent<?>> events = dog.collectEvents();
        assertEquals(List.of(1L, 2L, 3L), events.stream().map(DomainEvent::originatorVersion).toList());
        assertFalse(events.get(2).timestamp().isBefore(events.get(1).timestamp()));
        assertEquals(events.get(2).timestamp(), dog.modifiedOn());
    }

    @Test
    void replayingTheEventsGivesTheSameState() {
        Dog dog = Dog.register("Fido");
        dog.addTrick("sit");
        List<DomainEvent<?>> events = dog.collectEvents();
        Dog copy = Aggregates.replay(Dog.class, null, events);
        assertEquals(dog.id(), copy.id());
        assertEquals(dog.version(), copy.version());
        assertEquals(dog.name, copy.name);
        assertEquals(dog.tricks, copy.tricks);
        assertEquals(dog.createdOn(), copy.createdOn());
        assertEquals(dog.modifiedOn(), copy.modifiedOn());
        assertFalse(copy.hasPendingEvents());
        assertNull(Aggregates.replay(Dog.class, null, List.of()));
    }

    @Test
    void replayingFromASnapshotContinuesAtItsVersion() {
        Dog dog = Dog.register("Fido");
        dog.addTrick("sit");
        List<DomainEvent<?>> events = dog.collectEvents();
        Dog atOne = Aggregates.replay(Dog.class, null, events.subList(0, 1));
        DomainEvent<Dog> snapshot = Aggregates.snapshotOf(atOne);
        assertEquals(1, snapshot.originatorVersion());
        assertSame(atOne, snapshot.payload());
        Dog rebuilt = Aggregates.replay(Dog.class, snapshot, events.subList(1, 2));
        assertEquals(List.of("sit"), rebuilt.tricks);
        assertEquals(2, rebuilt.version());
    }

    @Test
    void eventsOutOfSequenceAreRefused() {
        Dog dog = Dog.register("Fido");
        dog.addTrick("sit");
        List<DomainEvent<?>> events = dog.collectEvents();
        assertThrows(IllegalStateException.class, () -> Aggregates.replay(Dog.class, null, events.subList(1, 2)));
    }

    @Test
    void aDeterministicIdCanBeGiven() {
        UUID id = Ids.fromName("fido@example.com");
        assertEquals(id, Dog.register(id, "Fido").id());
    }

    @Test
    void aSnapshotOfUnsavedEventsIsRefused() {
        Dog dog = Dog.register("Fido");
        assertThrows(IllegalStateException.class, () -> Aggregates.snapshotOf(dog));
    }

    @Test
    void anEventOfAnotherAggregateTypeIsRefusedAndChangesNothing() {
        Dog dog = Dog.register("Fido");
        assertThrows(IllegalArgumentException.class, dog::misuse);
        assertEquals(1, dog.version());
        assertEquals(1, dog.collectEvents().size());
    }

    @Test
    void theAggregateTypeOfAnEventIsFoundThroughItsInterfaces() {
        assertEquals(Dog.class, Aggregates.aggregateTypeOf(Dog.TrickAdded.class));
        assertEquals(Cat.class, Aggregates.aggregateTypeOf(Renamed.class));
        assertThrows(IllegalArgumentException.class, () -> Aggregates.aggregateTypeOf(String.class));
    }

    @Test
    void anAggregateClassWithoutANoArgumentConstructorCannotBeRebuilt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Aggregates.newInstance(NoDefaultConstructor.class));
        assertTrue(error.getMessage().contains("no-argument constructor"), error.getMessage());
    }

    static class NoDefaultConstructor extends Aggregate {
        NoDefaultConstructor(String ignored) {
        }
    }
}
