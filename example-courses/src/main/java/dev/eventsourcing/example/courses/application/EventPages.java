package dev.eventsourcing.example.courses.application;

import dev.eventsourcing.dcb.DcbReadResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The event store page by page, as it is stored: positions, types, tags and encoded data. */
@ApplicationScoped
public class EventPages {

    @Inject
    Decisions decisions;

    /**
     * @param after the position the page starts after; 0 for the first
     * @param limit the most events on the page
     * @return the events, and as head the position of the last one (none when the page is empty)
     */
    public DcbReadResponse page(long after, int limit) {
        return decisions.page(after, limit);
    }
}
