package dev.eventsourcing.cdi;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.cdi.support.EventSourcingWeldTest;
import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;
import dev.eventsourcing.domain.Topic;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.UnknownTopicException;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The aggregates and events of the deployment, found by the extension or declared by its
 * applications, are known to every application's mapper from the start, before anything is
 * saved or a repository is asked for; nothing else is.
 */
@EventSourcingWeldTest
@AddBeanClasses({DiscoveredTopicsTest.Parcel.class, DiscoveredTopicsTest.Stamped.class})
class DiscoveredTopicsTest {

    @Inject
    PostOffice application;

    @Test
    void scannedAggregatesWithTheirEventsAndScannedEventsAreKnown() {
        Mapper mapper = application.mapper();
        assertSame(Parcel.class, mapper.eventType(Parcel.class.getName()), "snapshots of a scanned aggregate");
        assertSame(Parcel.Sent.class, mapper.eventType(Parcel.Sent.class.getName()), "its nested event");
        assertSame(Parcel.Lost.class, mapper.eventType("parcels.Lost"), "its event with a topic of its own");
        assertSame(Stamped.class, mapper.eventType(Stamped.class.getName()), "a scanned event outside any aggregate");
        assertSame(Letter.Posted.class, mapper.eventType(Letter.Posted.class.getName()), "declared by the application");
    }

    @Test
    void classesOutsideTheDomainModelAreUnknown() {
        Mapper mapper = application.mapper();
        assertThrows(UnknownTopicException.class, () -> mapper.eventType("java.util.Timer"));
        assertThrows(UnknownTopicException.class, () -> mapper.eventType(Teller.class.getName()));
    }

    public static class Parcel extends Aggregate {
        public sealed interface Event extends AggregateEvent<Parcel> permits Sent, Lost {
        }

        public record Sent(String to) implements Event {
        }

        @Topic("parcels.Lost")
        public record Lost(String where) implements Event {
        }
    }

    public record Stamped(String stamp) implements AggregateEvent<Parcel> {
    }

    /** An aggregate the extension cannot find: only the application names it. */
    public static class Letter extends Aggregate {
        public record Posted(String to) implements AggregateEvent<Letter> {
        }
    }

    public static class PostOffice extends Application {
        public PostOffice(Settings settings) {
            super(settings);
        }

        @Override
        protected Set<Class<?>> domainClasses() {
            return Set.of(Letter.class);
        }
    }
}
