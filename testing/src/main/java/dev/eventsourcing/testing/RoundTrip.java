package dev.eventsourcing.testing;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.EventSelection;
import dev.eventsourcing.persistence.EventStore;
import dev.eventsourcing.persistence.MapperException;

import java.util.List;
import java.util.Objects;

/**
 * Stores events in an application's event store and reads them back, as a deployment would:
 * an event that its mapper cannot write, cannot read, or reads as a different value fails
 * with an {@link AssertionError} that names the event and says why. This is where a domain
 * model's serialisation mistakes surface (a component Jackson cannot bind, a type without a
 * usable topic, an {@code equals} that the stored form does not keep).
 */
final class RoundTrip {

    private final EventStore store;
    private final String applicationName;

    RoundTrip(Application application) {
        this.store = application.events();
        this.applicationName = application.name();
    }

    /**
     * Stores the events, reads them back and checks each is equal to the one stored.
     *
     * @param what what the events are, for messages, e.g. "given event" or "triggered event"
     * @return the events as read back
     */
    List<DomainEvent<?>> check(String what, List<DomainEvent<?>> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        for (int i = 0; i < events.size(); i++) {
            write(what, i + 1, events.get(i));
        }
        store.put(events);
        DomainEvent<?> first = events.get(0);
        List<DomainEvent<?>> read = read(what, first);
        for (int i = 0; i < events.size(); i++) {
            compare(what, i + 1, events.get(i), read.get(i));
        }
        return read;
    }

    // Each event on its own first, so that the message names the one that fails.
    private void write(String what, int position, DomainEvent<?> event) {
        try {
            store.mapper().toStoredEvent(event);
        } catch (MapperException e) {
            throw new AssertionError("The " + what + " " + position + " (" + Events.describe(event.payload())
                    + ") cannot be stored by the mapper of application '" + applicationName + "': " + e.getMessage()
                    + "\nEvery event must survive a round trip through the mapper, or saving it fails.", e);
        }
    }

    private List<DomainEvent<?>> read(String what, DomainEvent<?> first) {
        try {
            return store.get(first.originatorId(), EventSelection.all().after(first.originatorVersion() - 1));
        } catch (MapperException e) {
            throw new AssertionError("A " + what + " was stored but cannot be read back by the mapper of application '"
                    + applicationName + "': " + e.getMessage()
                    + "\nEvery event must survive a round trip through the mapper, or getting its aggregate fails.", e);
        }
    }

    private static void compare(String what, int position, DomainEvent<?> written, DomainEvent<?> read) {
        if (!Objects.equals(written.payload(), read.payload())) {
            throw new AssertionError("The " + what + " " + position + " does not survive a round trip through the mapper:"
                    + "\n    stored:     " + Events.describe(written.payload())
                    + "\n    read back:  " + Events.describe(read.payload())
                    + "\nA component the JSON form does not keep, or an equals that compares arrays or identities,"
                    + " makes a rebuilt aggregate differ from the one that triggered the event.");
        }
    }

}
