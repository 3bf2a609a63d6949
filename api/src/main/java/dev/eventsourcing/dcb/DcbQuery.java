package dev.eventsourcing.dcb;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A selection of events: the items are alternatives, so an event matches the query when it matches
 * any item. A query with no items, or with an item that has neither types nor tags, matches every
 * event.
 *
 * @param items the alternatives; empty for every event
 */
public record DcbQuery(List<DcbQueryItem> items) {

    private static final DcbQuery ALL = new DcbQuery(List.of());

    /**
     * Copies the list and refuses {@code null} items.
     *
     * @param items the alternatives; empty for every event
     */
    public DcbQuery {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    /** @return the query that matches every event */
    public static DcbQuery all() {
        return ALL;
    }

    /**
     * @param items the alternatives
     * @return a query matching events that match any of these items
     */
    public static DcbQuery of(DcbQueryItem... items) {
        return new DcbQuery(List.of(items));
    }

    /**
     * @param type the event's type
     * @param tags the event's tags
     * @return whether an event of this type with these tags matches this query
     */
    public boolean matches(String type, Set<String> tags) {
        return items.isEmpty() || items.stream().anyMatch(item -> item.matches(type, tags));
    }

    /**
     * @param event an event
     * @return whether the event matches this query
     */
    public boolean matches(DcbEvent event) {
        return matches(event.type(), event.tags());
    }

    /** @return whether this query matches every event */
    public boolean matchesAll() {
        return items.isEmpty() || items.stream().anyMatch(DcbQueryItem::matchesAll);
    }
}
