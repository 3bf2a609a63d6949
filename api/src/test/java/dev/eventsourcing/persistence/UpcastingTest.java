package dev.eventsourcing.persistence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventsourcing.domain.Aggregates;
import dev.eventsourcing.domain.ClassVersion;
import dev.eventsourcing.domain.DomainEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpcastingTest {

    private static final UUID ID = UUID.fromString("0b8e1c52-5f0e-4f47-8d7e-6a2f1c9d3e21");
    private static final String REGISTERED = Customer.Registered.class.getName();
    private static final String CUSTOMER = Customer.class.getName();

    private static final UnaryOperator<ObjectNode> RENAME_FULL_NAME = data -> {
        data.set("name", data.remove("fullName"));
        return data;
    };
    private static final UnaryOperator<ObjectNode> ADD_CURRENCY_AND_LEVEL = data -> data.put("currency", "EUR").put("level", 1);
    private static final UnaryOperator<ObjectNode> EMAIL_TO_EMAILS = data -> {
        String email = data.remove("email").textValue();
        data.putArray("emails").add(email);
        return data;
    };

    private static Mapper upcastingMapper() {
        return Mapper.builder()
                .upcaster(Customer.Registered.class, 1, RENAME_FULL_NAME)
                .upcaster(Customer.Registered.class, 2, ADD_CURRENCY_AND_LEVEL)
                .upcaster(Customer.class, 1, RENAME_FULL_NAME)
                .upcaster(Customer.class, 2, EMAIL_TO_EMAILS)
                .build();
    }

    private static StoredEvent stored(String topic, long version, String state) {
        return new StoredEvent(ID, version, topic, state.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEventStoredAtVersionOneIsUpcastThroughEveryStepToTheCurrentVersion() {
        StoredEvent v1 = stored(REGISTERED, 1, "{\"t\":\"2020-01-01T00:00:00Z\",\"d\":{\"fullName\":\"Ada\"}}");
        DomainEvent<?> event = upcastingMapper().toDomainEvent(v1);
        assertEquals(new Customer.Registered("Ada", "EUR", 1), event.payload());
        assertEquals(Instant.parse("2020-01-01T00:00:00Z"), event.timestamp());
    }

    @Test
    void anEventStoredAtAnIntermediateVersionGetsOnlyTheRemainingSteps() {
        Mapper mapper = Mapper.builder()
                .upcaster(Customer.Registered.class, 1, data -> {
                    throw new AssertionError("the step from version 1 must not run");
                })
                .upcaster(Customer.Registered.class, 2, ADD_CURRENCY_AND_LEVEL)
                .build();
        StoredEvent v2 = stored(REGISTERED, 1, "{\"t\":\"2020-01-01T00:00:00Z\",\"v\":2,\"d\":{\"name\":\"Ada\"}}");
        assertEquals(new Customer.Registered("Ada", "EUR", 1), mapper.toDomainEvent(v2).payload());
    }

    @Test
    void anEventAtTheCurrentVersionIsNotUpcast() {
        Mapper mapper = Mapper.builder()
                .upcaster(Customer.Registered.class, 2, data -> {
                    throw new AssertionError("no step may run");
                })
                .build();
        DomainEvent<Customer.Registered> event = new DomainEvent<>(ID, 1, Instant.now(), new Customer.Registered("Bo", "GBP", 2));
        assertEquals(event, mapper.toDomainEvent(mapper.toStoredEvent(event)));
    }

    @Test
    void aSnapshotStoredAtVersionOneIsUpcastAndReplayContinuesFromIt() {
        String v1 = "{\"t\":\"2020-01-02T00:00:00Z\",\"d\":{\"id\":\"" + ID + "\",\"version\":2,"
                + "\"createdOn\":\"2020-01-01T00:00:00Z\",\"modifiedOn\":\"2020-01-02T00:00:00Z\","
                + "\"fullName\":\"Ada\",\"email\":\"ada@example.com\",\"currency\":\"EUR\"}}";
        Mapper mapper = upcastingMapper();
        @SuppressWarnings("unchecked")
        DomainEvent<Customer> snapshot = (DomainEvent<Customer>) mapper.toDomainEvent(stored(CUSTOMER, 2, v1));
        Customer restored = snapshot.payload();
        assertEquals("Ada", restored.name());
        assertEquals(List.of("ada@example.com"), restored.emails());
        assertEquals(2, restored.version());
        assertEquals(Instant.parse("2020-01-01T00:00:00Z"), restored.createdOn());

        DomainEvent<Customer.EmailAdded> later = new DomainEvent<>(ID, 3, Instant.parse("2020-01-03T00:00:00Z"),
                new Customer.EmailAdded("ada@work.example"));
        Customer replayed = Aggregates.replay(Customer.class, snapshot, List.of(mapper.toDomainEvent(mapper.toStoredEvent(later))));
        assertEquals(3, replayed.version());
        assertEquals(List.of("ada@example.com", "ada@work.example"), replayed.emails());
        assertEquals(Instant.parse("2020-01-03T00:00:00Z"), replayed.modifiedOn());
    }

    @Test
    void aSnapshotAtTheCurrentVersionRecordsTheVersionAndRoundTrips() {
        Customer customer = Customer.register("Cy", "cy@example.com");
        customer.collectEvents();
        Mapper mapper = upcastingMapper();
        StoredEvent stored = mapper.toStoredEvent(Aggregates.snapshotOf(customer));
        assertTrue(new String(stored.state(), StandardCharsets.UTF_8).contains("\"v\":3"));
        Customer restored = (Customer) mapper.toDomainEvent(stored).payload();
        assertEquals(customer.emails(), restored.emails());
        assertEquals(customer.modifiedOn(), restored.modifiedOn());
    }

    @Test
    void aMissingStepFailsWithAnErrorNamingTheClassTheVersionAndTheStoredEvent() {
        Mapper mapper = Mapper.builder().upcaster(Customer.Registered.class, 1, RENAME_FULL_NAME).build();
        StoredEvent v1 = stored(REGISTERED, 1, "{\"t\":\"2020-01-01T00:00:00Z\",\"d\":{\"fullName\":\"Ada\"}}");
        MissingUpcasterException e = assertThrows(MissingUpcasterException.class, () -> mapper.toDomainEvent(v1));
        assertEquals(Customer.Registered.class, e.type());
        assertEquals(2, e.fromVersion());
        assertTrue(e.getMessage().contains("No upcaster of " + REGISTERED + " from version 2 to 3"), e.getMessage());
        assertTrue(e.getMessage().contains("topic '" + REGISTERED + "', originator " + ID + ", version 1"), e.getMessage());
    }

    @Test
    void dataNewerThanItsClassFailsWithAnUndecodableStateError() {
        StoredEvent v4 = stored(REGISTERED, 1, "{\"t\":\"2020-01-01T00:00:00Z\",\"v\":4,\"d\":{\"name\":\"Ada\"}}");
        UndecodableStateException e = assertThrows(UndecodableStateException.class, () -> upcastingMapper().toDomainEvent(v4));
        assertTrue(e.getMessage().contains("newer than the class's version 3"), e.getMessage());
    }

    @Test
    void aFailingStepFailsWithAnUndecodableStateErrorNamingTheStoredEvent() {
        Mapper mapper = Mapper.builder()
                .upcaster(Customer.Registered.class, 1, data -> {
                    throw new IllegalStateException("boom");
                })
                .build();
        StoredEvent v1 = stored(REGISTERED, 1, "{\"t\":\"2020-01-01T00:00:00Z\",\"d\":{\"fullName\":\"Ada\"}}");
        UndecodableStateException e = assertThrows(UndecodableStateException.class, () -> mapper.toDomainEvent(v1));
        assertTrue(e.getMessage().contains("Upcaster of " + REGISTERED + " from version 1 failed"), e.getMessage());
        assertTrue(e.getMessage().contains("originator " + ID), e.getMessage());
    }

    @Test
    void upcastersAreRegisteredOnlyForVersionsBelowTheCurrentOneAndOnlyOnce() {
        Upcasters upcasters = new Upcasters().register(Customer.Registered.class, 1, RENAME_FULL_NAME);
        assertThrows(IllegalArgumentException.class, () -> upcasters.register(Customer.Registered.class, 1, RENAME_FULL_NAME));
        assertThrows(IllegalArgumentException.class, () -> upcasters.register(Customer.Registered.class, 3, RENAME_FULL_NAME));
        assertThrows(IllegalArgumentException.class, () -> upcasters.register(Customer.Registered.class, 0, RENAME_FULL_NAME));
        assertThrows(IllegalArgumentException.class, () -> upcasters.register(Customer.EmailAdded.class, 1, RENAME_FULL_NAME));
    }

    @Test
    void aMapperKeepsTheUpcastersItWasBuiltWith() {
        Upcasters upcasters = new Upcasters();
        Mapper mapper = Mapper.builder().upcasters(upcasters).declare(Customer.class).build();
        upcasters.register(Customer.Registered.class, 1, RENAME_FULL_NAME).register(Customer.Registered.class, 2, ADD_CURRENCY_AND_LEVEL);
        StoredEvent v1 = stored(REGISTERED, 1, "{\"t\":\"2020-01-01T00:00:00Z\",\"d\":{\"fullName\":\"Ada\"}}");
        assertThrows(MissingUpcasterException.class, () -> mapper.toDomainEvent(v1));
        assertEquals(new Customer.Registered("Ada", "EUR", 1),
                Mapper.builder().upcasters(upcasters).declare(Customer.class).build().toDomainEvent(v1).payload());
    }

    @ClassVersion(0)
    record Unversioned(String name) {
    }

    @Test
    void aClassVersionBelowOneIsRejectedWhenWriting() {
        DomainEvent<Unversioned> event = new DomainEvent<>(ID, 1, Instant.now(), new Unversioned("x"));
        MapperException e = assertThrows(MapperException.class, () -> Mapper.create().toStoredEvent(event));
        assertTrue(e.getMessage().contains("@ClassVersion of " + Unversioned.class.getName() + " must be at least 1, was 0"),
                e.getMessage());
    }
}
