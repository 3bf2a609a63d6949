package dev.eventsourcing.dcb.inmemory;

import dev.eventsourcing.dcb.DcbEvent;
import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.dcb.DcbQueryItem;
import dev.eventsourcing.dcb.DcbSequencedEvent;
import dev.eventsourcing.persistence.IntegrityException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;

/**
 * The events of an in-memory DCB store in position order, with the positions of each tag and of
 * each type, so that a read costs in proportion to the events it looks at through its most
 * selective tag, not to the whole log. Not thread-safe: the recorder guards it.
 */
final class EventLog {

    // Index i holds the event at position i + 1.
    private final List<DcbSequencedEvent> events = new ArrayList<>();
    private final Map<String, Positions> byTag = new HashMap<>();
    private final Map<String, Positions> byType = new HashMap<>();
    private final Set<UUID> ids = new HashSet<>();

    /** @return the highest position, 0 when the log is empty */
    long head() {
        return events.size();
    }

    /**
     * Refuses a batch holding an event whose id is stored already or appears twice in the batch;
     * nothing is written before every event has passed.
     */
    void checkIdsAreNew(List<DcbEvent> batch) {
        Set<UUID> inBatch = new HashSet<>();
        for (DcbEvent event : batch) {
            if (ids.contains(event.id())) {
                throw new IntegrityException("An event with id " + event.id() + " is stored already");
            }
            if (!inBatch.add(event.id())) {
                throw new IntegrityException("The batch holds more than one event with id " + event.id());
            }
        }
    }

    /** Adds an event that {@link #checkIdsAreNew} accepted at the next position. */
    void add(DcbEvent event) {
        long position = events.size() + 1L;
        events.add(new DcbSequencedEvent(event, position));
        ids.add(event.id());
        byType.computeIfAbsent(event.type(), type -> new Positions()).add(position);
        for (String tag : event.tags()) {
            byTag.computeIfAbsent(tag, t -> new Positions()).add(position);
        }
    }

    /** The first {@code limit} events after {@code after} that match the query, ascending. */
    List<DcbSequencedEvent> select(DcbQuery query, long after, int limit) {
        if (query.matchesAll()) {
            int from = (int) Math.min(after, events.size());
            return List.copyOf(events.subList(from, (int) Math.min(events.size(), from + (long) limit)));
        }
        // Each item's first `limit` matches hold the union's first `limit`.
        LongStream.Builder found = LongStream.builder();
        for (DcbQueryItem item : query.items()) {
            collect(item, after, limit, found);
        }
        return found.build().sorted().distinct().limit(limit).mapToObj(this::at).toList();
    }

    private void collect(DcbQueryItem item, long after, int limit, LongStream.Builder found) {
        if (item.tags().isEmpty()) {
            // Every event of the item's types matches: take each type's first `limit`.
            for (String type : item.types()) {
                collect(byType.get(type), item, after, limit, found);
            }
        } else {
            collect(mostSelectiveTag(item), item, after, limit, found);
        }
    }

    private void collect(Positions candidates, DcbQueryItem item, long after, int limit, LongStream.Builder found) {
        if (candidates == null) {
            return;
        }
        int taken = 0;
        for (int i = candidates.firstAfter(after); i < candidates.size() && taken < limit; i++) {
            DcbSequencedEvent candidate = at(candidates.get(i));
            if (item.matches(candidate.event().type(), candidate.event().tags())) {
                found.add(candidate.position());
                taken++;
            }
        }
    }

    /** The positions of the item's tag carried by the fewest events; null when one is carried by none. */
    private Positions mostSelectiveTag(DcbQueryItem item) {
        Positions fewest = null;
        for (String tag : item.tags()) {
            Positions positions = byTag.get(tag);
            if (positions == null) {
                return null;
            }
            if (fewest == null || positions.size() < fewest.size()) {
                fewest = positions;
            }
        }
        return fewest;
    }

    private DcbSequencedEvent at(long position) {
        return events.get((int) (position - 1));
    }
}
