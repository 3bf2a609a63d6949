package dev.eventsourcing.persistence;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;
import dev.eventsourcing.domain.Topic;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicRegistryTest {

    @Test
    void aDeclaredClassIsNamedByItsBinaryNameAndFoundByIt() {
        TopicRegistry topics = new TopicRegistry().declare(Account.Deposited.class);
        assertEquals("dev.eventsourcing.persistence.Account$Deposited", topics.topicOf(Account.Deposited.class));
        assertSame(Account.Deposited.class, topics.resolve("dev.eventsourcing.persistence.Account$Deposited"));
    }

    @Test
    void aTopicNamingALoadableClassThatWasNeverDeclaredIsUnknown() {
        TopicRegistry topics = new TopicRegistry().declare(Account.class);
        for (String topic : List.of("java.util.Timer", "java.lang.ProcessBuilder", "javax.management.loading.MLet",
                "java.lang.String", Gadgets.DETONATOR)) {
            UnknownTopicException e = assertThrows(UnknownTopicException.class, () -> topics.resolve(topic));
            assertEquals(topic, e.topic());
            assertTrue(e.getMessage().startsWith("Unknown topic '" + topic + "'"), e.getMessage());
        }
    }

    @Test
    void theUnknownTopicErrorSaysWhereToDeclareTheClass() {
        UnknownTopicException e = assertThrows(UnknownTopicException.class, () -> new TopicRegistry().resolve("no.such.Event"));
        assertEquals("no.such.Event", e.topic());
        assertTrue(e.getMessage().contains("domainClasses()"), e.getMessage());
        assertTrue(e.getMessage().contains("Mapper.Builder.declare"), e.getMessage());
        assertTrue(e.getMessage().contains("Mapper.Builder.topic(oldTopic, type)"), e.getMessage());
    }

    @Test
    void theUnknownTopicErrorShowsALongOrUnprintableTopicShortAndPrintable() {
        String topic = "evil\nline" + "x".repeat(1000);
        UnknownTopicException e = assertThrows(UnknownTopicException.class, () -> new TopicRegistry().resolve(topic));
        assertEquals(topic, e.topic());
        assertTrue(e.getMessage().startsWith("Unknown topic 'evil?line"), e.getMessage());
        assertTrue(e.getMessage().length() < 800, e.getMessage());
    }

    @Test
    void declaringAnAggregateMakesItsNestedAndPermittedEventsKnown() {
        TopicRegistry topics = new TopicRegistry().declare(Account.class);
        for (Class<?> type : List.of(Account.class, Account.Opened.class, Account.Deposited.class, Account.Tagged.class,
                Account.Transferred.class, Account.Closed.class)) {
            assertSame(type, topics.resolve(type.getName()));
        }
        TopicRegistry parcels = new TopicRegistry().declare(Parcel.class);
        assertSame(Parcel.class, parcels.resolve(Parcel.class.getName()));
        assertSame(ParcelSent.class, parcels.resolve(ParcelSent.class.getName()), "permitted, declared elsewhere");
        assertSame(Parcel.Lost.class, parcels.resolve(Parcel.Lost.class.getName()));
        assertThrows(UnknownTopicException.class, () -> parcels.resolve(Parcel.Event.class.getName()));
    }

    @Test
    void declaringASealedTypeMakesItsPermittedSubclassesKnown() {
        TopicRegistry topics = new TopicRegistry().declare(Parcel.Event.class);
        assertSame(ParcelSent.class, topics.resolve(ParcelSent.class.getName()));
        assertSame(Parcel.Lost.class, topics.resolve(Parcel.Lost.class.getName()));
    }

    @Test
    void aTopicAnnotationNamesTheClassAndItsBinaryNameStillReads() {
        TopicRegistry topics = new TopicRegistry().declare(Stable.class);
        assertEquals("test.Stable", topics.topicOf(Stable.class));
        assertSame(Stable.class, topics.resolve("test.Stable"));
        assertSame(Stable.class, topics.resolve(Stable.class.getName()), "events stored before the annotation");
    }

    @Test
    void twoClassesWithOneTopicAreRefused() {
        TopicRegistry topics = new TopicRegistry().declare(Stable.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> topics.declare(Clash.class));
        assertTrue(e.getMessage().contains("Topic 'test.Stable' names " + Stable.class.getName() + " already"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TopicRegistry().declare(Clash.class, Stable.class));
        MapperException written = assertThrows(MapperException.class, () -> topics.topicOf(Clash.class));
        assertTrue(written.getMessage().contains("names " + Stable.class.getName()), written.getMessage());
    }

    @Test
    void aBlankTopicIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TopicRegistry().declare(Blank.class));
        assertTrue(e.getMessage().contains("blank @Topic"), e.getMessage());
        assertThrows(MapperException.class, () -> new TopicRegistry().topicOf(Blank.class));
        assertThrows(IllegalArgumentException.class, () -> new TopicRegistry().register(" ", Account.Opened.class));
    }

    @Test
    void anOldTopicReadsAsTheClassItIsRegisteredFor() {
        TopicRegistry topics = new TopicRegistry().register("bank.Deposited", Account.Deposited.class);
        assertSame(Account.Deposited.class, topics.resolve("bank.Deposited"));
        assertSame(Account.Deposited.class, topics.resolve(Account.Deposited.class.getName()));
        assertEquals(Account.Deposited.class.getName(), topics.topicOf(Account.Deposited.class));
    }

    @Test
    void theTopicsOfAClassAreItsOwnItsOldOnesAndItsBinaryNameUnderATopic() {
        TopicRegistry topics = new TopicRegistry().register("bank.Deposited", Account.Deposited.class);
        assertEquals(Set.of("bank.Deposited", Account.Deposited.class.getName()), topics.topicsOf(Account.Deposited.class));
        topics.declare(Stable.class);
        assertEquals(Set.of("test.Stable", Stable.class.getName()), topics.topicsOf(Stable.class));
        assertEquals(Set.of(), topics.topicsOf(Account.Opened.class));
    }

    @Test
    void anOldTopicCannotBeRegisteredForTwoClasses() {
        TopicRegistry topics = new TopicRegistry().register("bank.Deposited", Account.Deposited.class);
        topics.register("bank.Deposited", Account.Deposited.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> topics.register("bank.Deposited", Account.Opened.class));
        assertTrue(e.getMessage().contains("names " + Account.Deposited.class.getName() + " already"), e.getMessage());
    }

    @Test
    void aClassWhoseNameIsAnotherClassesOldTopicCannotBeWritten() {
        TopicRegistry topics = new TopicRegistry().register(Account.Opened.class.getName(), Account.Deposited.class);
        MapperException e = assertThrows(MapperException.class, () -> topics.topicOf(Account.Opened.class));
        assertTrue(e.getMessage().contains("names " + Account.Deposited.class.getName() + " already"), e.getMessage());
    }

    @Test
    void classesWithoutAStableNameHaveNoTopicAndCannotBeDeclared() {
        Object anonymous = new Object() { };
        record Local(int x) { }
        Runnable lambda = () -> { };
        TopicRegistry topics = new TopicRegistry();
        assertThrows(MapperException.class, () -> topics.topicOf(anonymous.getClass()));
        assertThrows(MapperException.class, () -> topics.topicOf(Local.class));
        assertThrows(MapperException.class, () -> topics.topicOf(lambda.getClass()));
        assertThrows(IllegalArgumentException.class, () -> topics.declare(Local.class));
    }

    @Test
    void aMapperReadsWhatItWroteAndWhatItWasToldAndNothingElse() {
        Mapper writer = Mapper.create();
        StoredEvent stored = writer.toStoredEvent(new dev.eventsourcing.domain.DomainEvent<>(UUID.randomUUID(), 1,
                Instant.parse("2026-12-04T10:00:00Z"), new Account.Tagged("vip")));
        assertEquals(new Account.Tagged("vip"), writer.toDomainEvent(stored).payload());

        Mapper reader = Mapper.create();
        assertThrows(UnknownTopicException.class, () -> reader.toDomainEvent(stored));
        reader.declare(Account.class);
        assertEquals(new Account.Tagged("vip"), reader.toDomainEvent(stored).payload());
        assertEquals(new Account.Tagged("vip"),
                Mapper.builder().declare(List.of(Account.class)).build().toDomainEvent(stored).payload());
    }

    /** An aggregate whose sealed event interface permits an event declared outside it. */
    static final class Parcel extends Aggregate {
        sealed interface Event extends AggregateEvent<Parcel> permits ParcelSent, Lost {
        }

        record Lost(String where) implements Event {
        }
    }

    record ParcelSent(String to) implements Parcel.Event {
    }

    @Topic("test.Stable")
    record Stable(int x) {
    }

    @Topic("test.Stable")
    record Clash(int y) {
    }

    @Topic(" ")
    record Blank(int z) {
    }
}
