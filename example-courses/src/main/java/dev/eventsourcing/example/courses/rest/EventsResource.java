package dev.eventsourcing.example.courses.rest;

import dev.eventsourcing.example.courses.application.EventPages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The event store, page by page: {@code GET /events?after=N&limit=M}, the events with a position
 * above {@code after} (default 0), at most {@code limit} of them (1 to {@value #MAX_LIMIT},
 * default {@value #MAX_LIMIT}). The answer's {@code head} is the next page's {@code after}.
 */
@Path("events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    /** The most events a page may hold. */
    static final int MAX_LIMIT = 100;

    @Inject
    EventPages events;

    /** A page of the store's events. */
    @GET
    public JsonObject page(@QueryParam("after") String after, @QueryParam("limit") String limit) {
        long from = parse("after", after, 0, 0, Long.MAX_VALUE);
        int most = (int) parse("limit", limit, MAX_LIMIT, 1, MAX_LIMIT);
        return Representations.events(events.page(from, most));
    }

    private static long parse(String name, String text, long defaultValue, long min, long max) {
        if (text == null) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_paging", "Parameter '" + name + "' must be a whole number, was '"
                    + text + "'");
        }
        if (value < min || value > max) {
            throw ApiException.badRequest("invalid_paging", "Parameter '" + name + "' must be from " + min + " to "
                    + max + ", was " + value);
        }
        return value;
    }
}
