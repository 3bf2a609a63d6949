package dev.eventsourcing.persistence;

import dev.eventsourcing.domain.DomainEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Stores and retrieves domain events: a {@link Mapper} that turns them into stored events and
 * back, and a recorder that keeps the stored events.
 */
public final class EventStore {

    private final Mapper mapper;
    private final AggregateRecorder recorder;

    public EventStore(Mapper mapper, AggregateRecorder recorder) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    /**
     * Stores the events atomically.
     *
     * @return one recording per event, in order, with the notification ids given
     * @throws IntegrityException when an event's version is taken; nothing is stored then
     */
    public List<Recording> put(List<? extends DomainEvent<?>> events) {
        return put(events, null);
    }

    /**
     * Stores the events and the tracking position atomically; the recorder must be a
     * {@link ProcessRecorder} when {@code tracking} is given.
     *
     * @throws IntegrityException when an event's version is taken or the position is recorded
     *                            already; nothing is stored then
     */
    public List<Recording> put(List<? extends DomainEvent<?>> events, Tracking tracking) {
        List<StoredEvent> stored = new ArrayList<>(events.size());
        for (DomainEvent<?> event : events) {
            stored.add(mapper.toStoredEvent(event));
        }
        List<Long> ids;
        if (tracking != null) {
            if (!(recorder instanceof ProcessRecorder processRecorder)) {
                throw new IllegalStateException("Recording a tracking position needs a ProcessRecorder, not a "
                        + recorder.getClass().getName());
            }
            ids = processRecorder.insertEvents(stored, tracking);
        } else {
            ids = recorder.insertEvents(stored);
        }
        List<Recording> recordings = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            recordings.add(new Recording(events.get(i), i < ids.size() ? ids.get(i) : 0));
        }
        return recordings;
    }

    /** The events of one originator that the selection names, as domain events. */
    public List<DomainEvent<?>> get(UUID originatorId, EventSelection selection) {
        List<StoredEvent> stored = recorder.selectEvents(originatorId, selection);
        List<DomainEvent<?>> events = new ArrayList<>(stored.size());
        for (StoredEvent event : stored) {
            events.add(mapper.toDomainEvent(event));
        }
        return events;
    }

    /** Every event of one originator, oldest first. */
    public List<DomainEvent<?>> get(UUID originatorId) {
        return get(originatorId, EventSelection.all());
    }

    /** The mapper this store uses. */
    public Mapper mapper() {
        return mapper;
    }

    /** The recorder this store uses. */
    public AggregateRecorder recorder() {
        return recorder;
    }
}
