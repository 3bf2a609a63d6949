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

    /**
     * A store of this mapper and recorder.
     *
     * @param mapper   turns domain events into stored events and back; not null
     * @param recorder keeps the stored events; not null, and a {@link ProcessRecorder} when
     *                 events are to be stored with a tracking position
     * @throws NullPointerException when the mapper or the recorder is null
     */
    public EventStore(Mapper mapper, AggregateRecorder recorder) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    /**
     * Stores the events atomically.
     *
     * @param events the new events of one or more aggregates
     * @return one recording per event, in order, with the notification ids given (0 when the
     *         recorder keeps no notification log)
     * @throws IntegrityException when an event's version is taken; nothing is stored then
     * @throws MapperException    when an event cannot be mapped; nothing is stored then
     */
    public List<Recording> put(List<? extends DomainEvent<?>> events) {
        return put(events, null);
    }

    /**
     * Stores the events and the tracking position atomically; the recorder must be a
     * {@link ProcessRecorder} when {@code tracking} is given.
     *
     * @param events   the new events of one or more aggregates; may be empty
     * @param tracking the position of the upstream notification processed, or {@code null} for none
     * @return one recording per event, in order, with the notification ids given (0 when the
     *         recorder keeps no notification log)
     * @throws IntegrityException    when an event's version is taken or the position is recorded
     *                               already; nothing is stored then
     * @throws MapperException       when an event cannot be mapped; nothing is stored then
     * @throws IllegalStateException when a tracking position is given and the recorder is not a
     *                               {@link ProcessRecorder}
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

    /**
     * The events of one originator that the selection names, as domain events.
     *
     * @param originatorId the aggregate whose events to get
     * @param selection    which versions, in which order and how many
     * @return the events, as {@link Mapper#toDomainEvent} reads them; empty when there are none
     * @throws MapperException when a stored event cannot be read back
     */
    public List<DomainEvent<?>> get(UUID originatorId, EventSelection selection) {
        return decode(recorder.selectEvents(originatorId, selection));
    }

    /**
     * Stored events read back as domain events, in the same order: for a caller that selected
     * them from this store's recorder itself (for example together with other reads, in one
     * unit of work) and decodes them afterwards.
     *
     * @param stored stored events of this store
     * @return the events, as {@link Mapper#toDomainEvent} reads them
     * @throws MapperException when a stored event cannot be read back
     */
    public List<DomainEvent<?>> decode(List<StoredEvent> stored) {
        return mapper.toDomainEvents(stored);
    }

    /**
     * Every event of one originator, oldest first.
     *
     * @param originatorId the aggregate whose events to get
     * @return the events, in version order; empty when there are none
     * @throws MapperException when a stored event cannot be read back
     */
    public List<DomainEvent<?>> get(UUID originatorId) {
        return get(originatorId, EventSelection.all());
    }

    /** @return the mapper this store uses */
    public Mapper mapper() {
        return mapper;
    }

    /** @return the recorder this store uses */
    public AggregateRecorder recorder() {
        return recorder;
    }
}
