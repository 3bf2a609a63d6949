package dev.eventsourcing.application;

import dev.eventsourcing.persistence.Notification;

import java.util.List;

/**
 * One page of a notification log: notifications ascending by id, and the {@code start} to ask
 * for next, or {@code null} when the log holds nothing more yet.
 *
 * @param items the notifications, ascending by id; copied, may be empty
 * @param next the id to ask for next, or {@code null} when the log holds nothing more yet
 */
public record Section(List<Notification> items, Long next) {

    /**
     * A section holding a copy of {@code items}.
     *
     * @param items the notifications, ascending by id; not null, no null element
     * @param next the id to ask for next, or {@code null}
     */
    public Section {
        items = List.copyOf(items);
    }
}
